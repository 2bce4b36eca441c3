/* Test-only stand-in for Windows' icuuc.dll, which Wine 8 lacks: Qt6Core imports 20 ucnv_* functions
 * (only for QStringConverter's extra, non-UTF codecs). Every converter "fails to open", so Qt reports
 * those codecs as unavailable; UTF-8/16/32 and Latin-1 do not use ICU. Used only by the Wine smoke
 * test, never shipped. Build: x86_64-w64-mingw32-gcc -shared -O2 -o icuuc.dll icuuc.c icuuc.def */
#include <stddef.h>
#include <stdint.h>

typedef int UErrorCode;      /* U_FILE_ACCESS_ERROR = 4 */
typedef void UConverter;

UConverter *ucnv_open(const char *name, UErrorCode *err) { (void)name; if (err) *err = 4; return NULL; }
void ucnv_close(UConverter *c) { (void)c; }
void UCNV_FROM_U_CALLBACK_SUBSTITUTE(void) {}
void UCNV_TO_U_CALLBACK_SUBSTITUTE(void) {}
void ucnv_reset(UConverter *c) { (void)c; }
int8_t ucnv_getMaxCharSize(const UConverter *c) { (void)c; return 1; }
const char *ucnv_getName(const UConverter *c, UErrorCode *err) { (void)c; if (err) *err = 4; return ""; }
void ucnv_getToUCallBack(const UConverter *c, void **a, const void **b) { (void)c; if (a) *a = NULL; if (b) *b = NULL; }
void ucnv_getFromUCallBack(const UConverter *c, void **a, const void **b) { (void)c; if (a) *a = NULL; if (b) *b = NULL; }
void ucnv_setToUCallBack(UConverter *c, void *n, const void *ctx, void **o, const void **octx, UErrorCode *err)
{ (void)c; (void)n; (void)ctx; if (o) *o = NULL; if (octx) *octx = NULL; if (err) *err = 4; }
void ucnv_setFromUCallBack(UConverter *c, void *n, const void *ctx, void **o, const void **octx, UErrorCode *err)
{ (void)c; (void)n; (void)ctx; if (o) *o = NULL; if (octx) *octx = NULL; if (err) *err = 4; }
void ucnv_cbToUWriteUChars(void *a, const void *s, int32_t l, int32_t o, UErrorCode *err) { (void)a; (void)s; (void)l; (void)o; if (err) *err = 4; }
void ucnv_toUnicode(UConverter *c, void *t, const void *tl, const char **s, const char *sl, int32_t *o, int8_t f, UErrorCode *err)
{ (void)c; (void)t; (void)tl; (void)s; (void)sl; (void)o; (void)f; if (err) *err = 4; }
void ucnv_cbFromUWriteUChars(void *a, const void **s, const void *sl, int32_t o, UErrorCode *err) { (void)a; (void)s; (void)sl; (void)o; if (err) *err = 4; }
int32_t ucnv_toUCountPending(const UConverter *c, UErrorCode *err) { (void)c; if (err) *err = 4; return 0; }
int32_t ucnv_fromUCountPending(const UConverter *c, UErrorCode *err) { (void)c; if (err) *err = 4; return 0; }
const char *ucnv_getStandardName(const char *n, const char *s, UErrorCode *err) { (void)n; (void)s; if (err) *err = 4; return NULL; }
const char *ucnv_getAvailableName(int32_t n) { (void)n; return NULL; }
int32_t ucnv_countAvailable(void) { return 0; }
void ucnv_fromUnicode(UConverter *c, char **t, const char *tl, const void **s, const void *sl, int32_t *o, int8_t f, UErrorCode *err)
{ (void)c; (void)t; (void)tl; (void)s; (void)sl; (void)o; (void)f; if (err) *err = 4; }
