#define _GNU_SOURCE
#include <stddef.h>
#include <sys/socket.h>
#include "socket_batch.h"

_Static_assert(sizeof(struct centinela_mmsghdr) == sizeof(struct mmsghdr), "struct mmsghdr layout");
_Static_assert(offsetof(struct centinela_mmsghdr, msg_len) == offsetof(struct mmsghdr, msg_len), "struct mmsghdr layout");

int centinela_recvmmsg(int fd, struct centinela_mmsghdr *messages, unsigned int count, int flags) {
    return recvmmsg(fd, (struct mmsghdr *)messages, count, flags, NULL);
}
