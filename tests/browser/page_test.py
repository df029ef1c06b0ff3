#!/usr/bin/python3
"""The search page of byline-search --serve in a real browser.

Indexes corpus/ into a temporary database, starts the real server on a free
loopback port, and drives headless Chromium (Debian's chromium and
chromium-driver, through python3-selenium): types a query, checks the hits
and facet lists, clicks a facet name and checks that the hits shown are
those the API returns with that filter, removes the filter again, pages
forward and back, and follows a "did you mean" suggestion. Saves a screenshot of the filtered page into the
artifacts directory. Exits non-zero on any failure.

Usage: page_test.py --bin-dir BUILD/bin --corpus CORPUS --artifacts DIR
"""
import argparse
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait


def fail(message):
    print("page_test: FAIL: " + message, file=sys.stderr)
    sys.exit(1)


def check(condition, message):
    if not condition:
        fail(message)


def api(base, path, params):
    url = base + path + "?" + urllib.parse.urlencode(params, doseq=True)
    with urllib.request.urlopen(url, timeout=30) as r:
        return json.load(r)


def start_server(bin_dir, db, tmp):
    err_path = os.path.join(tmp, "serve.err")
    err = open(err_path, "w")
    server = subprocess.Popen(
        [os.path.join(bin_dir, "byline-search"), "--db", db, "--serve",
         "--listen", "127.0.0.1:0"],
        stdout=subprocess.DEVNULL, stderr=err)
    for _ in range(500):
        text = open(err_path).read()
        m = re.search(r"on (http://127\.0\.0\.1:\d+)/", text)
        if m:
            return server, m.group(1)
        if server.poll() is not None:
            fail("byline-search --serve exited: " + text)
        time.sleep(0.02)
    fail("byline-search --serve did not say where it listens")


def hit_titles(driver):
    return [h.text for h in driver.find_elements(By.CSS_SELECTOR, "#hits .hit h2")]


def wait_for_summary(driver, wait, old_summary):
    """Waits until the page has rendered a new answer."""
    wait.until(lambda d: d.find_element(By.ID, "summary").text not in ("", old_summary))
    return driver.find_element(By.ID, "summary").text


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin-dir", required=True)
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--artifacts", required=True)
    args = parser.parse_args()
    os.makedirs(args.artifacts, exist_ok=True)

    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "db")
        subprocess.run([os.path.join(args.bin_dir, "byline-index"), "--db", db,
                        args.corpus], check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        server, base = start_server(args.bin_dir, db, tmp)
        options = webdriver.ChromeOptions()
        options.binary_location = "/usr/bin/chromium"
        # The background-networking flags keep Chromium from reaching for
        # Google's hosts, which a machine without internet refuses.
        for flag in ("--headless=new", "--no-sandbox", "--disable-gpu",
                     "--disable-dev-shm-usage", "--window-size=1280,1000",
                     "--disable-quic", "--no-first-run",
                     "--disable-background-networking",
                     "--disable-component-update", "--disable-sync",
                     "--user-data-dir=" + os.path.join(tmp, "chromium")):
            options.add_argument(flag)
        driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"),
                                  options=options)
        try:
            run_page(driver, base, args.artifacts)
        finally:
            driver.quit()
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)
    print("page_test: OK")


def run_page(driver, base, artifacts):
    wait = WebDriverWait(driver, 20)
    driver.get(base + "/")
    check(driver.title == "Byline search", "title is " + repr(driver.title))
    box = driver.find_element(By.ID, "q")
    box.send_keys("ferry strike", Keys.ENTER)
    summary = wait_for_summary(driver, wait, "")
    want = api(base, "/search", {"q": "ferry strike", "limit": 10})
    check(summary.startswith("Passages 1\u2013"), "summary: " + summary)
    check(hit_titles(driver) == [h["title"] for h in want["hits"]],
          "hits shown %r differ from the API's %r" %
          (hit_titles(driver), [h["title"] for h in want["hits"]]))
    # Snippets are highlighted.
    check(driver.find_elements(By.CSS_SELECTOR, "#hits .snippet b"),
          "no highlighted word in the snippets")
    # The four facet lists, with the API's names and counts.
    for kind in ("person", "org", "place", "date"):
        shown = [a.text for a in driver.find_elements(
            By.CSS_SELECTOR, '.facet[data-type="%s"] a' % kind)]
        check(shown == [f["name"] for f in want["facets"][kind]],
              "%s facets shown %r, API %r" % (kind, shown, want["facets"][kind]))

    # Click the first place: the hits become those of the filtered search.
    link = driver.find_element(By.CSS_SELECTOR, '.facet[data-type="place"] a')
    facet = link.get_attribute("data-facet")
    link.click()
    wait.until(EC.presence_of_element_located(
        (By.CSS_SELECTOR, '.filter[data-filter="%s"]' % facet)))
    filtered = api(base, "/search", {"q": "ferry strike", "limit": 10,
                                     "filter": [facet]})
    check(filtered["matches_estimated"] < want["matches_estimated"],
          "the filter %s does not narrow the search" % facet)
    wait.until(lambda d: hit_titles(d) == [h["title"] for h in filtered["hits"]])
    check("filter=" in driver.current_url, "filter not in the address: " +
          driver.current_url)
    summary = driver.find_element(By.ID, "summary").text
    check(summary.endswith("of %d" % filtered["matches_estimated"]),
          "filtered summary: " + summary)
    driver.save_screenshot(os.path.join(artifacts, "search-page-filtered.png"))

    # Remove the filter: back to the whole result set.
    driver.find_element(By.CSS_SELECTOR, ".filter button").click()
    wait.until(lambda d: not d.find_elements(By.CSS_SELECTOR, ".filter"))
    wait.until(lambda d: hit_titles(d) == [h["title"] for h in want["hits"]])

    # Paging: a query with more than a page of hits.
    driver.get(base + "/?q=the")
    first = wait_for_summary(driver, wait, "")
    check(first.startswith("Passages 1\u201310 of"), "page 1: " + first)
    driver.find_element(By.ID, "next").click()
    second = wait_for_summary(driver, wait, first)
    check(second.startswith("Passages 11\u2013"), "page 2: " + second)
    page2 = api(base, "/search", {"q": "the", "limit": 10, "offset": 10})
    check(hit_titles(driver) == [h["title"] for h in page2["hits"]],
          "page 2 hits differ from the API's")
    driver.find_element(By.ID, "prev").click()
    wait.until(lambda d: d.find_element(By.ID, "summary").text == first)

    # A misspelt query: "did you mean", and the suggestion searches.
    box = driver.find_element(By.ID, "q")
    box.clear()
    box.send_keys("goverment", Keys.ENTER)
    wait.until(EC.presence_of_element_located((By.ID, "suggestion")))
    check(not hit_titles(driver), "hits for a misspelt word")
    suggestion = driver.find_element(By.ID, "suggestion")
    check(suggestion.text == "government", "suggestion: " + suggestion.text)
    suggestion.click()
    wait.until(lambda d: d.find_element(By.ID, "q").get_attribute("value") == "government")
    corrected = api(base, "/search", {"q": "government", "limit": 10})
    check(corrected["hits"], "the corrected query finds nothing")
    wait.until(lambda d: hit_titles(d) == [h["title"] for h in corrected["hits"]])


if __name__ == "__main__":
    main()
