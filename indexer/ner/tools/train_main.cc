// byline-train-ner: trains the NER model and measures it.
#include <chrono>
#include <iostream>
#include <iterator>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "byline/ner/tagger.h"
#include "tokenizer.h"
#include "trainer.h"

namespace po = boost::program_options;

namespace {

constexpr char kProgram[] = "byline-train-ner";

std::vector<std::string> SplitCommas(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream in(s);
  std::string item;
  while (std::getline(in, item, ',')) {
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

int Fail(const byline::Status& s) {
  std::cerr << kProgram << ": " << s.message() << "\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::string command, model, out, iso_dir, exclude, dictionary, gazetteers;
  std::string clusters;
  std::vector<std::string> wikiann, wnut, jsonl, gold, dev_jsonl, dev_conll;
  int epochs = 0, jsonl_repeat = 0, repeat = 0, wnut_repeat = 1, folds = 5;
  int min_feature_count = 0, ensemble = 1;
  float pa_c = 0;
  size_t wikiann_min = 0;
  unsigned bits = 0;
  uint64_t seed = 0;
  po::options_description train_opts("Training (train)");
  train_opts.add_options()
      ("wikiann", po::value(&wikiann)->composing(), "WikiANN CoNLL file (repeatable)")
      ("wikiann-min-tokens", po::value(&wikiann_min)->default_value(10),
       "WikiANN lines shorter than this or without a lowercase word\n"
       "only feed the name lists (0: train on all)")
      ("wnut", po::value(&wnut)->composing(), "WNUT-17 CoNLL file (repeatable)")
      ("wnut-repeat", po::value(&wnut_repeat)->default_value(1),
       "times each WNUT-17 sentence is seen per epoch")
      ("jsonl", po::value(&jsonl)->composing(),
       "names JSONL file, e.g. gum_interview_names.jsonl\n"
       "(repeatable); FILE@N: seen N times an epoch")
      ("jsonl-repeat", po::value(&jsonl_repeat)->default_value(20),
       "times each JSONL paragraph is seen per epoch")
      ("exclude", po::value(&exclude)->default_value(""),
       "comma-separated JSONL doc_ids to leave out")
      ("dev-jsonl", po::value(&dev_jsonl)->composing(), "JSONL scored per epoch")
      ("dev-conll", po::value(&dev_conll)->composing(), "WikiANN file scored per epoch")
      ("iso-codes", po::value(&iso_dir)->default_value("/usr/share/iso-codes/json"),
       "directory of Debian's iso-codes JSON (place names)")
      ("dictionary", po::value(&dictionary)->default_value("/usr/share/dict/words"),
       "word list (Debian's wamerican); empty for none")
      ("gazetteers", po::value(&gazetteers)->default_value(""),
       "directory of lists from bench/ner/export_gazetteers.mjs\n"
       "(cities, countries, demonyms, given names, surnames)")
      ("clusters", po::value(&clusters)->default_value(""),
       "word clusters from bench/ner/make_clusters.py (word<TAB>cluster)")
      ("whole-mentions", "keep WikiANN mentions whole, the CoNLL style, but "
       "for titles before or after a name (default: cut them into capitalised "
       "runs, the GUM style)")
      ("keep-titles", "with --whole-mentions, keep the titles too")
      ("cut-nested", "also cut WikiANN organisations that start with a\n"
                     "city, country or person (\"Irving\" + \"Police Department\")")
      ("single-pass", "one layer, no document features (default: two passes)")
      ("stack-folds", po::value(&folds)->default_value(5),
       "cross-validation folds for the pass-1 tags layer 2 learns from")
      ("epochs", po::value(&epochs)->default_value(4), "perceptron epochs")
      ("pa", po::value(&pa_c)->default_value(0),
       "passive-aggressive (PA-I) updates with this step cap C\n"
       "(0: plain perceptron, step 1)")
      ("ensemble", po::value(&ensemble)->default_value(1),
       "perceptrons per layer (own shuffles), weights averaged")
      ("min-feature-count", po::value(&min_feature_count)->default_value(0),
       "features seen in fewer training tokens are not learned")
      ("leave-document-out", "leave the names of a JSONL example's whole\n"
       "document out of the name lists while featurizing it")
      ("hash-bits", po::value(&bits)->default_value(20), "log2 of weight rows")
      ("seed", po::value(&seed)->default_value(1), "shuffle seed")
      ("out", po::value(&out)->default_value("ner-en.model"), "model file to write");
  po::options_description eval_opts("Evaluation (eval, bench)");
  eval_opts.add_options()
      ("model", po::value(&model)->default_value(byline::DefaultNerModelPath()),
       "model file")
      ("gold", po::value(&gold)->composing(), "names JSONL to score (repeatable)")
      ("errors", "eval: list missed and spurious names")
      ("repeat", po::value(&repeat)->default_value(5), "bench: passes over the input");
  po::options_description general("General");
  general.add_options()("help,h", "show this help");
  po::options_description hidden;
  hidden.add_options()("command", po::value(&command));
  po::positional_options_description pos;
  pos.add("command", 1);
  po::options_description all;
  all.add(general).add(train_opts).add(eval_opts).add(hidden);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(pos).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << kProgram << ": " << e.what() << "\n";
    return 2;
  }
  if (vm.count("help") || command.empty()) {
    std::cout << kProgram << " - train and measure Byline's named-entity tagger\n"
              << "usage: " << kProgram << " train [options] --out FILE\n"
              << "       " << kProgram << " eval --model FILE --gold FILE.jsonl\n"
              << "       " << kProgram << " bench --model FILE --gold FILE.jsonl\n"
              << "       " << kProgram << " tag --model FILE < text\n"
              << "       " << kProgram << " tokenize < text   (one line of tokens a line)\n\n"
              << general << "\n" << train_opts << "\n" << eval_opts;
    return command.empty() && !vm.count("help") ? 2 : 0;
  }
  using namespace byline::ner;
  if (command == "train") {
    std::vector<Example> train;
    for (const auto& f : wikiann) {
      if (auto s = ReadConll(f, ConllFormat::kWikiann, 1, wikiann_min, &train); !s.ok()) return Fail(s);
    }
    for (const auto& f : wnut) {
      if (auto s = ReadConll(f, ConllFormat::kWnut, wnut_repeat, 0, &train); !s.ok()) return Fail(s);
    }
    for (const auto& spec : jsonl) {
      // FILE@N: this file's examples N times an epoch (else --jsonl-repeat).
      std::string f = spec;
      int repeat_file = jsonl_repeat;
      if (const size_t at = spec.rfind('@');
          at != std::string::npos && at + 1 < spec.size() &&
          spec.find_first_not_of("0123456789", at + 1) == std::string::npos) {
        f = spec.substr(0, at);
        repeat_file = std::stoi(spec.substr(at + 1));
      }
      if (auto s = ReadNamesJsonl(f, SplitCommas(exclude), repeat_file, &train); !s.ok())
        return Fail(s);
    }
    if (train.empty()) {
      std::cerr << kProgram << ": no training data (--wikiann, --wnut, --jsonl)\n";
      return 2;
    }
    TrainOptions options;
    options.epochs = epochs;
    options.hash_bits = bits;
    options.seed = seed;
    options.iso_codes_dir = iso_dir;
    options.dictionary = dictionary;
    options.gazetteer_dir = gazetteers;
    options.clusters = clusters;
    options.split_mentions = vm.count("whole-mentions") == 0;
    options.keep_titles = vm.count("keep-titles") > 0;
    options.cut_nested = vm.count("cut-nested") > 0;
    options.two_pass = vm.count("single-pass") == 0;
    options.stack_folds = folds;
    options.passive_aggressive = pa_c > 0;
    options.pa_c = pa_c;
    options.min_feature_count = min_feature_count;
    options.ensemble = ensemble;
    options.leave_document_out = vm.count("leave-document-out") > 0;
    for (const auto& f : dev_jsonl) {
      if (auto s = ReadNamesJsonl(f, {}, 1, &options.dev); !s.ok()) return Fail(s);
    }
    for (const auto& f : dev_conll) {
      if (auto s = ReadConll(f, ConllFormat::kWikiann, 1, 0, &options.dev); !s.ok()) return Fail(s);
    }
    if (auto s = Train(std::move(train), options, out, std::cerr); !s.ok()) return Fail(s);
    std::cerr << kProgram << ": wrote " << out << "\n";
    return 0;
  }
  if (command == "eval" || command == "bench") {
    const auto t0 = std::chrono::steady_clock::now();
    std::unique_ptr<byline::NerTagger> tagger;
    if (auto s = byline::NerTagger::Load(model, &tagger); !s.ok()) return Fail(s);
    const double load =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::cout << "model: " << model << " (loaded in " << load << " s)\n";
    if (gold.empty()) {
      std::cerr << kProgram << ": --gold FILE.jsonl is required\n";
      return 2;
    }
    for (const auto& g : gold) {
      byline::Status s;
      if (command == "eval") {
        EvalOptions eo;
        eo.show_errors = vm.count("errors") > 0;
        s = EvaluateJsonl(*tagger, g, eo, std::cout);
      } else {
        s = Benchmark(*tagger, g, repeat, std::cout);
      }
      if (!s.ok()) return Fail(s);
    }
    return 0;
  }
  if (command == "tag") {
    std::unique_ptr<byline::NerTagger> tagger;
    if (auto s = byline::NerTagger::Load(model, &tagger); !s.ok()) return Fail(s);
    const std::string text((std::istreambuf_iterator<char>(std::cin)),
                           std::istreambuf_iterator<char>());
    static const char* kTypes[] = {"PER", "ORG", "LOC"};
    for (const auto& span : tagger->Tag(text, {0, text.size()})) {
      std::cout << span.start << "\t" << span.end << "\t"
                << kTypes[static_cast<int>(span.type)] << "\t"
                << text.substr(span.start, span.end - span.start) << "\n";
    }
    return 0;
  }
  if (command == "tokenize") {
    // One line of text in, its tokens out, space-separated: the words the
    // tagger sees, for bench/ner/make_clusters.py.
    std::vector<byline::ner::Token> tokens;
    std::string line, out_line;
    while (std::getline(std::cin, line)) {
      byline::ner::Tokenize(line, {0, line.size()}, &tokens);
      out_line.clear();
      for (const auto& t : tokens) {
        if (!out_line.empty()) out_line += ' ';
        out_line.append(line, t.start, t.end - t.start);
      }
      std::cout << out_line << "\n";
    }
    return 0;
  }
  std::cerr << kProgram << ": unknown command '" << command
            << "' (train, eval, bench, tag, tokenize)\n";
  return 2;
}
