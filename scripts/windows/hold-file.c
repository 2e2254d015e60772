/* hold-file.c — for scripts/windows/test.sh: a second Windows process that holds a file
 * open the way a sync client, an antivirus scan or Word does (shared for reading only, so
 * it can be neither replaced nor deleted meanwhile).
 *
 *   hold-file.exe FILE READY RELEASE
 *
 * Opens FILE, creates the file READY once it holds it, and lets go (exit 0) when the file
 * RELEASE appears. Built by test.sh with x86_64-w64-mingw32-gcc -municode. */
#include <windows.h>
#include <stdio.h>

int wmain(int argc, wchar_t **argv) {
    if (argc != 4) {
        fwprintf(stderr, L"usage: hold-file FILE READY RELEASE\n");
        return 2;
    }
    HANDLE held = CreateFileW(argv[1], GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING,
                              FILE_ATTRIBUTE_NORMAL, NULL);
    if (held == INVALID_HANDLE_VALUE) {
        fwprintf(stderr, L"hold-file: cannot open the file (error %lu)\n", GetLastError());
        return 1;
    }
    HANDLE ready = CreateFileW(argv[2], GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    if (ready == INVALID_HANDLE_VALUE) {
        fwprintf(stderr, L"hold-file: cannot write the ready mark (error %lu)\n", GetLastError());
        return 1;
    }
    CloseHandle(ready);
    /* Waits for the test to say so; the test has its own deadline and ends Wine on failure. */
    while (GetFileAttributesW(argv[3]) == INVALID_FILE_ATTRIBUTES) {
        Sleep(50);
    }
    CloseHandle(held);
    return 0;
}
