/* Test-only stand-in for Windows' bcryptprimitives.dll, which Wine 8 lacks: Rust-built extensions
 * (pydantic_core, cryptography) import ProcessPrng from it. Used only by the Wine smoke test, never
 * shipped in the installer. Build: x86_64-w64-mingw32-gcc -shared -O2 -o bcryptprimitives.dll
 * bcryptprimitives.c bcryptprimitives.def -ladvapi32 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length); /* RtlGenRandom, advapi32 */

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    while (len > 0) {
        ULONG chunk = len > 0x10000000 ? 0x10000000 : (ULONG)len;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        len -= chunk;
    }
    return TRUE;
}
