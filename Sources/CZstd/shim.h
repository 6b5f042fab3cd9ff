#ifndef NBSHIP_CZSTD_SHIM_H
#define NBSHIP_CZSTD_SHIM_H

#include <zstd.h>

#endif
