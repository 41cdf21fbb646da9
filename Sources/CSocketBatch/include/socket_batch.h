// recvmmsg for Swift: glibc declares it only under _GNU_SOURCE, which Swift's Glibc module is
// built without. One call takes many datagrams from the kernel, which is what lets one receive
// thread keep up with a flood.
#include <sys/socket.h>

/// `struct mmsghdr` under its own name (its layout is checked against glibc's in the .c file).
struct centinela_mmsghdr {
    struct msghdr msg_hdr;
    unsigned int msg_len;
};

/// recvmmsg(2) without a timeout.
int centinela_recvmmsg(int fd, struct centinela_mmsghdr *messages, unsigned int count, int flags);
