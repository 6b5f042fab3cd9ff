#ifndef NBSHIP_CARCHIVE_SHIM_H
#define NBSHIP_CARCHIVE_SHIM_H

#include <archive.h>
#include <archive_entry.h>
#include <locale.h>

/// A UTF-8 C locale for the calling thread's archive work (libarchive converts names with
/// the current locale and fails, or crashes, on non-ASCII names under plain "C").
/// `LC_CTYPE_MASK` is a macro Swift cannot import, hence this shim.
static inline locale_t nbship_utf8_locale(void) {
    return newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
}

#endif
