// udp_flood: sends one datagram COUNT times to 127.0.0.1:PORT at RATE datagrams a second, to
// measure how fast `centinela run` ingests UDP (see README, Performance). Loopback only.
//
//   cc -O2 -o .build/udp_flood tools/udp_flood.c
//   .build/udp_flood PORT COUNT RATE PAYLOAD_HEX [VARY_OFFSET]
//
// VARY_OFFSET: a 16-bit counter is written big-endian at that byte offset of each datagram, so
// no two in a row are alike (the core drops a repeated payload as a second-LAN duplicate).
// Datagrams go out in 1 ms slices (sendmmsg); prints what was sent and the rate achieved.
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

enum { batch = 1024 };

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    if (argc < 5) {
        fprintf(stderr, "usage: udp_flood PORT COUNT RATE PAYLOAD_HEX [VARY_OFFSET]\n");
        return 2;
    }
    int port = atoi(argv[1]);
    long count = atol(argv[2]);
    double rate = atof(argv[3]);
    const char *hex = argv[4];
    int vary = argc > 5 ? atoi(argv[5]) : -1;
    size_t length = strlen(hex) / 2;
    if (port <= 0 || port > 65535 || count <= 0 || rate <= 0 || length == 0 || length > 1500 || vary + 2 > (int)length) {
        fprintf(stderr, "udp_flood: bad arguments\n");
        return 2;
    }
    static unsigned char payloads[batch][1500];
    for (size_t i = 0; i < length; i++) sscanf(hex + 2 * i, "%2hhx", &payloads[0][i]);
    for (int b = 1; b < batch; b++) memcpy(payloads[b], payloads[0], length);

    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in to = {.sin_family = AF_INET, .sin_port = htons(port)};
    inet_pton(AF_INET, "127.0.0.1", &to.sin_addr);  // never any other address
    if (connect(fd, (struct sockaddr *)&to, sizeof to) != 0) { perror("connect"); return 1; }

    static struct mmsghdr messages[batch];
    static struct iovec iov[batch];
    long sent = 0, failed = 0;
    unsigned short counter = 0;
    double start = now();
    while (sent + failed < count) {
        // What should have gone out by now, capped at one batch.
        long due = (long)((now() - start) * rate) - (sent + failed);
        if (due > count - sent - failed) due = count - sent - failed;
        if (due > batch) due = batch;
        if (due <= 0) {
            struct timespec pause = {0, 200000};
            nanosleep(&pause, NULL);
            continue;
        }
        for (long i = 0; i < due; i++) {
            if (vary >= 0) {
                payloads[i][vary] = counter >> 8;
                payloads[i][vary + 1] = counter & 0xff;
                counter++;
            }
            iov[i] = (struct iovec){payloads[i], length};
            messages[i] = (struct mmsghdr){.msg_hdr = {.msg_iov = &iov[i], .msg_iovlen = 1}};
        }
        int n = sendmmsg(fd, messages, due, 0);
        if (n < 0) { failed += due; continue; }
        sent += n;
        failed += due - n;
    }
    double elapsed = now() - start;
    printf("udp_flood: %ld datagram(s) of %zu bytes sent in %.3f s (%.0f/s), %ld refused by the kernel\n",
           sent, length, elapsed, sent / elapsed, failed);
    return 0;
}
