#include "other_cpu_thread.h"

#include <cerrno>
#include <system_error>
#include <utility>

namespace byline {

OtherCpuThread::OtherCpuThread(std::function<void()> body)
    : body_(std::move(body)) {
  CPU_ZERO(&every_);
  pthread_attr_t attr;
  if (int e = pthread_attr_init(&attr); e != 0) {
    throw std::system_error(e, std::generic_category(), "pthread_attr_init");
  }
  cpu_set_t others;
  const int here = sched_getcpu();
  if (sched_getaffinity(0, sizeof(every_), &every_) == 0 && here >= 0 &&
      here < CPU_SETSIZE && CPU_ISSET(here, &every_) &&
      CPU_COUNT(&every_) > 1) {
    others = every_;
    CPU_CLR(here, &others);
    if (pthread_attr_setaffinity_np(&attr, sizeof(others), &others) != 0) {
      CPU_ZERO(&every_);
    }
  } else {
    CPU_ZERO(&every_);
  }
  int e = pthread_create(&thread_, &attr, &OtherCpuThread::Run, this);
  if (e == EINVAL && CPU_COUNT(&every_) > 0) {
    // The set asked for may hold no processor that is online.
    pthread_attr_destroy(&attr);
    pthread_attr_init(&attr);
    CPU_ZERO(&every_);
    e = pthread_create(&thread_, &attr, &OtherCpuThread::Run, this);
  }
  pthread_attr_destroy(&attr);
  if (e != 0) {
    throw std::system_error(e, std::generic_category(), "pthread_create");
  }
  started_ = true;
}

void OtherCpuThread::join() {
  if (!started_) return;
  pthread_join(thread_, nullptr);
  started_ = false;
}

void* OtherCpuThread::Run(void* self) {
  auto* t = static_cast<OtherCpuThread*>(self);
  if (CPU_COUNT(&t->every_) > 0) {
    pthread_setaffinity_np(pthread_self(), sizeof(t->every_), &t->every_);
  }
  t->body_();
  return nullptr;
}

}  // namespace byline
