// bench_layout [--structs N] [--runs N] [--clang PATH]: parsing a large C header for its
// layouts (core/clanglayout.h, libclang 14 in this process) beside `clang-14 -fsyntax-only` on
// the same file, in the same run. The header includes a dozen system headers and declares N
// structs (default 2,000: several thousand lines of our own), with typedefs, enums, unions,
// bitfields, arrays of structs and packed structs. Prints the medians of --runs runs (default
// 7) and the time to lay out every type of the file and list its leaves.

#include "benchcommon.h"
#include "core/clanglayout.h"
#include "core/layout.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <unistd.h>

namespace {

std::string header(int structs)
{
    std::string text = "#include <stdint.h>\n#include <stddef.h>\n#include <stdbool.h>\n"
                       "#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n"
                       "#include <time.h>\n#include <signal.h>\n#include <pthread.h>\n"
                       "#include <sys/types.h>\n#include <sys/socket.h>\n#include <netinet/in.h>\n"
                       "#define NAME_LEN 32\n";
    for (int i = 0; i < structs; ++i) {
        const std::string n = std::to_string(i);
        text += "typedef enum state" + n + " { S" + n + "_IDLE, S" + n + "_BUSY = " + n + ", S" + n
            + "_DONE = -1 } state" + n + "_t;\n";
        text += "struct rec" + n + " {\n    uint32_t id;\n    char name[NAME_LEN];\n" + "    state"
            + n + "_t state;\n    unsigned flag : 1, level : 4;\n"
            + "    union { int64_t i; double d; } v;\n    struct timespec when;\n"
            + "    pthread_mutex_t lock;\n";
        if (i > 0)
            text += "    struct rec" + std::to_string(i - 1)
                + " *prev;\n    struct { uint16_t a, b; } " + "pair[4];\n";
        text += "};\n";
        text += "typedef struct rec" + n + " rec" + n + "_t;\n";
        if (i % 10 == 0)
            text += "struct __attribute__((packed)) pk" + n + " { uint8_t t; uint32_t w; rec" + n
                + "_t r[2]; };\n";
    }
    return text;
}

int lines(const std::string &text)
{
    int n = 0;
    for (char c : text)
        n += c == '\n';
    return n;
}

} // namespace

int main(int argc, char **argv)
{
    int structs = 500;
    int runs = 7;
    std::string clang = "clang-14";
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--structs"))
            structs = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--runs"))
            runs = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--clang"))
            clang = argv[i + 1];
    }
    char path[] = "/tmp/bench_layout_XXXXXX.h";
    const int fd = mkstemps(path, 2);
    if (fd < 0) {
        std::perror("mkstemps");
        return 1;
    }
    const std::string text = header(structs);
    if (write(fd, text.data(), text.size()) != static_cast<ssize_t>(text.size())) {
        std::perror("write");
        return 1;
    }
    close(fd);

    std::vector<double> ours, layOut, peer, peerStart;
    std::size_t typeCount = 0, leafCount = 0;
    for (int run = 0; run < runs; ++run) {
        auto start = bench::Clock::now();
        auto source = shm::layout::parseCFile(path);
        ours.push_back(std::chrono::duration<double>(bench::Clock::now() - start).count());
        if (!source) {
            std::fprintf(stderr, "bench_layout: %s\n", source.error().english().c_str());
            unlink(path);
            return 1;
        }
        start = bench::Clock::now();
        const auto types = (*source)->types();
        typeCount = types.size();
        leafCount = 0;
        for (const auto &summary : types) {
            if (const auto type = (*source)->type(summary.name))
                leafCount += shm::layout::leavesOf(*type).leaves.size();
        }
        layOut.push_back(std::chrono::duration<double>(bench::Clock::now() - start).count());
        peer.push_back(bench::timeCommand({clang, "-fsyntax-only", "-x", "c", path}));
        // The peer's start-up alone, so the ratio can be read without it.
        peerStart.push_back(bench::timeCommand({clang, "-fsyntax-only", "-x", "c", "/dev/null"}));
    }
    const double preprocessedLines = [&] {
        const std::string command = clang + " -E -x c " + path + " 2>/dev/null | wc -l";
        FILE *pipe = popen(command.c_str(), "r");
        double n = 0;
        if (pipe) {
            if (std::fscanf(pipe, "%lf", &n) != 1)
                n = 0;
            pclose(pipe);
        }
        return n;
    }();
    unlink(path);

    std::printf("header: %d lines of our own, %.0f after the preprocessor (system includes), "
                "%d structs\n",
                lines(text), preprocessedLines, structs);
    std::printf("median of %d runs:\n", runs);
    std::printf("  parseCFile (libclang, in process)      %8.1f ms\n", 1e3 * bench::medianOf(ours));
    std::printf("  %s -fsyntax-only (a process)      %8.1f ms\n", clang.c_str(),
                1e3 * bench::medianOf(peer));
    std::printf("  %-40s %8.1f ms\n", (clang + " on /dev/null (start-up)").c_str(),
                1e3 * bench::medianOf(peerStart));
    std::printf(
        "  ratio                                  %8.2fx (%.2fx without clang's start-up)\n",
        bench::medianOf(ours) / bench::medianOf(peer),
        bench::medianOf(ours) / (bench::medianOf(peer) - bench::medianOf(peerStart)));
    std::printf("  lay out all %zu types, %zu leaves       %8.1f ms\n", typeCount, leafCount,
                1e3 * bench::medianOf(layOut));
    return 0;
}
