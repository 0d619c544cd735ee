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

// Only libevent's public headers: evhttp_request and friends stay opaque to Swift.
#include <event2/event.h>
#include <event2/http.h>
#include <event2/listener.h>
#include <event2/buffer.h>
#include <event2/bufferevent.h>
#include <event2/keyvalq_struct.h>
#include <event2/thread.h>
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

// Appends one header entry to a request's output headers as evhttp_add_header would (calloc'd entry, strdup'd key,
// malloc'd value, freed by evhttp_clear_headers with libevent's default allocator, which this server keeps), without
// its per-call checks. The caller passes a value that may hold several header lines joined by CRLF (built from
// checked names and values), so that evhttp_make_header writes them with one printf instead of one each.
// Returns 0, or -1 when out of memory.
static inline int newsdesk_append_header(struct evkeyvalq *headers, const char *key, const char *value, size_t length) {
    struct evkeyval *entry = calloc(1, sizeof(*entry));
    if (entry == NULL) return -1;
    entry->key = strdup(key);
    entry->value = malloc(length + 1);
    if (entry->key == NULL || entry->value == NULL) {
        free(entry->key);
        free(entry->value);
        free(entry);
        return -1;
    }
    memcpy(entry->value, value, length);
    entry->value[length] = 0;
    entry->next.tqe_next = NULL;
    entry->next.tqe_prev = headers->tqh_last;
    *headers->tqh_last = entry;
    headers->tqh_last = &entry->next.tqe_next;
    return 0;
}

#endif
