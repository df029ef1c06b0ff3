// A thread started on another processor than the one that starts it.
//
// Linux puts a new thread on the processor of the thread that made it,
// and moves it only when the load balancer next looks: on the two-core
// machines Byline is benchmarked on, 0.4 to 3 ms later, with the other
// processor idle all the while (docs/benchmarks.md, issue 14, session 17). A
// search counts facets on a thread of its own while it ranks, for about
// as long as it ranks: started that way, the counting would begin when the
// ranking is nearly done. OtherCpuThread asks for another processor at
// creation (pthread_attr_setaffinity_np) and, once the thread runs, lets
// it run anywhere again, so it is not held there.
#ifndef BYLINE_SEARCHER_SRC_OTHER_CPU_THREAD_H_
#define BYLINE_SEARCHER_SRC_OTHER_CPU_THREAD_H_

#include <pthread.h>
#include <sched.h>

#include <functional>

namespace byline {

class OtherCpuThread {
 public:
  // Starts `body` at once; throws std::system_error as std::thread does
  // if no thread can be made. With one processor allowed, or this one's
  // not known, the thread starts as any other.
  explicit OtherCpuThread(std::function<void()> body);
  OtherCpuThread(const OtherCpuThread&) = delete;
  OtherCpuThread& operator=(const OtherCpuThread&) = delete;
  // Waits for the thread.
  ~OtherCpuThread() { join(); }

  bool joinable() const { return started_; }
  void join();

 private:
  static void* Run(void* self);

  pthread_t thread_{};
  bool started_ = false;
  std::function<void()> body_;
  cpu_set_t every_;  // the processors allowed before; empty: none changed
};

}  // namespace byline

#endif  // BYLINE_SEARCHER_SRC_OTHER_CPU_THREAD_H_
