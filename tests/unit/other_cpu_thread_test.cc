// The counting thread's start (searcher/src/other_cpu_thread.h): on
// another processor than its maker's at once, then free to run anywhere.
#include "other_cpu_thread.h"

#include <gtest/gtest.h>
#include <sched.h>

#include <atomic>

namespace byline {
namespace {

TEST(OtherCpuThreadTest, RunsTheBodyAndJoins) {
  std::atomic<int> runs{0};
  {
    OtherCpuThread t([&] { ++runs; });
    EXPECT_TRUE(t.joinable());
    t.join();
    EXPECT_FALSE(t.joinable());
    EXPECT_EQ(runs.load(), 1);
  }
  {
    OtherCpuThread t([&] { ++runs; });
  }  // the destructor waits for it
  EXPECT_EQ(runs.load(), 2);
}

TEST(OtherCpuThreadTest, OnceRunningItMayRunWhereverTheProcessMay) {
  cpu_set_t process;
  ASSERT_EQ(sched_getaffinity(0, sizeof(process), &process), 0);
  cpu_set_t seen;
  CPU_ZERO(&seen);
  OtherCpuThread t([&] { sched_getaffinity(0, sizeof(seen), &seen); });
  t.join();
  EXPECT_TRUE(CPU_EQUAL(&seen, &process))
      << CPU_COUNT(&seen) << " processors allowed, not "
      << CPU_COUNT(&process);
}

TEST(OtherCpuThreadTest, StartsOnAnotherProcessorThanItsMaker) {
  cpu_set_t process;
  ASSERT_EQ(sched_getaffinity(0, sizeof(process), &process), 0);
  if (CPU_COUNT(&process) < 2) GTEST_SKIP() << "one processor allowed";
  // The maker may itself be moved between asking where it is and making
  // the thread (rarely): most starts, not all, are checked.
  int elsewhere = 0;
  constexpr int kStarts = 20;
  for (int i = 0; i < kStarts; ++i) {
    const int maker = sched_getcpu();
    int first = -1;
    OtherCpuThread t([&] { first = sched_getcpu(); });
    t.join();
    if (first != maker) ++elsewhere;
  }
  EXPECT_GE(elsewhere, kStarts - 3);
}

}  // namespace
}  // namespace byline
