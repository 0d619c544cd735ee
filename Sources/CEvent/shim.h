#ifndef NEWSDESK_CEVENT_SHIM_H
#define NEWSDESK_CEVENT_SHIM_H

// libevent's event-config.h defines _GNU_SOURCE, which would give this module another layout of glibc's
// fd_set than Dispatch's module has, and the Swift build then fails on the clash. Including the system
// headers first, with the same feature macros as everyone else, keeps one definition.
#include <sys/types.h>
#include <sys/select.h>
#include <sys/time.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

// Only libevent's public headers (the event loop, listeners and sockets: the server reads and writes HTTP itself).
#include <event2/event.h>
#include <event2/listener.h>
#include <event2/util.h>

// evsignal_new is a macro: Swift cannot call it, so this wrapper gives it a real symbol.
static inline struct event *newsdesk_evsignal_new(struct event_base *base, int signum,
                                                  event_callback_fn callback, void *arg) {
    return evsignal_new(base, signum, callback, arg);
}

// evtimer_new is a macro for the same reason.
static inline struct event *newsdesk_evtimer_new(struct event_base *base, event_callback_fn callback,
                                                 void *arg) {
    return evtimer_new(base, callback, arg);
}

// EVUTIL_SOCKET_ERROR is a macro (errno here, WSAGetLastError on Windows): the listener's error callback
// reads the accept() failure through it.
static inline int newsdesk_socket_error(void) {
    return EVUTIL_SOCKET_ERROR();
}

#endif
