/* envrun: runs one Windows program with exactly the environment, working directory and command line a spec file
   gives, so that tests control every variable (Wine otherwise hands the Unix environment to Windows programs).
   Usage: envrun.exe SPEC. SPEC is UTF-8, fields separated by NUL bytes: the working directory, the command line
   (passed to CreateProcessW unchanged), then one NAME=VALUE field per variable, in the order the block should have.
   Exit code: the program's, or 255 when envrun itself fails (the reason on stderr). */
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>

static wchar_t *widen(const char *s, int len, int *outLen)
{
    int n = MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, s, len, NULL, 0);
    wchar_t *w = calloc((size_t)n + 1, sizeof(wchar_t));
    if (w == NULL || (len > 0 && (n == 0 || MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, s, len, w, n) != n)))
    {
        fprintf(stderr, "envrun: the spec is not UTF-8\n");
        exit(255);
    }
    *outLen = n;
    return w;
}

int wmain(int argc, wchar_t **argv)
{
    if (argc != 2)
    {
        fprintf(stderr, "usage: envrun SPEC\n");
        return 255;
    }

    FILE *file = _wfopen(argv[1], L"rb");
    if (file == NULL)
    {
        fprintf(stderr, "envrun: cannot open the spec\n");
        return 255;
    }

    char *spec = NULL;
    size_t size = 0, capacity = 0, got;
    char chunk[65536];
    while ((got = fread(chunk, 1, sizeof chunk, file)) > 0)
    {
        if (size + got > capacity)
        {
            capacity = (size + got) * 2;
            spec = realloc(spec, capacity);
        }
        memcpy(spec + size, chunk, got);
        size += got;
    }
    fclose(file);

    /* Fields: cwd, command line, variables. */
    size_t start = 0;
    int field = 0;
    wchar_t *cwd = NULL, *commandLine = NULL;
    wchar_t *block = calloc(size + 2, sizeof(wchar_t));
    size_t blockLength = 0;
    for (size_t i = 0; i <= size; i++)
    {
        if (i < size && spec[i] != '\0')
            continue;
        if (i == size && i == start)
            break;
        int wideLength;
        wchar_t *wide = widen(spec + start, (int)(i - start), &wideLength);
        if (field == 0)
            cwd = wide;
        else if (field == 1)
            commandLine = wide;
        else
        {
            memcpy(block + blockLength, wide, (size_t)wideLength * sizeof(wchar_t));
            blockLength += (size_t)wideLength + 1; /* keeps the NUL that calloc left */
            free(wide);
        }
        field++;
        start = i + 1;
    }
    if (field < 2)
    {
        fprintf(stderr, "envrun: the spec needs a working directory and a command line\n");
        return 255;
    }
    if (blockLength == 0)
        blockLength = 1; /* an empty block is two NULs */

    STARTUPINFOW startup = { 0 };
    startup.cb = sizeof startup;
    startup.dwFlags = STARTF_USESTDHANDLES;
    startup.hStdInput = GetStdHandle(STD_INPUT_HANDLE);
    startup.hStdOutput = GetStdHandle(STD_OUTPUT_HANDLE);
    startup.hStdError = GetStdHandle(STD_ERROR_HANDLE);
    PROCESS_INFORMATION process;
    if (!CreateProcessW(NULL, commandLine, NULL, NULL, TRUE, CREATE_UNICODE_ENVIRONMENT, block, cwd, &startup, &process))
    {
        fprintf(stderr, "envrun: CreateProcessW failed with error %lu\n", GetLastError());
        return 255;
    }

    WaitForSingleObject(process.hProcess, INFINITE);
    DWORD exitCode = 255;
    GetExitCodeProcess(process.hProcess, &exitCode);
    return (int)exitCode;
}
