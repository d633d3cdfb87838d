/* bcryptprimitives.dll for Wine 8.0, which lacks it. Go's runtime (1.22 and later, and Debian's 1.21 backport) loads
   it at start-up and calls ProcessPrng for random bytes; crypto/rand calls it too. Windows' own ProcessPrng fills the
   buffer and always returns TRUE. This one takes the bytes from advapi32's RtlGenRandom (SystemFunction036), which
   Wine implements. Built by the Windows suite with mingw-w64; Go itself is not patched. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0)
    {
        ULONG n = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!SystemFunction036(data, n))
            return FALSE;
        data += n;
        length -= n;
    }
    return TRUE;
}
