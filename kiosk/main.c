/* main.c — entry point of signpost-kiosk, the fullscreen student kiosk.
 *
 * Parses the command line and hands over to the platform layer (window, event loop) or to the
 * headless replay harness. This first version only parses --help; the loop follows. */
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0) {
            puts("usage: signpost-kiosk [--db PATH] [--windowed] [--replay SCRIPT --shots DIR]");
            return 0;
        }
    }
    fputs("signpost-kiosk: not wired up yet\n", stderr);
    return 1;
}
