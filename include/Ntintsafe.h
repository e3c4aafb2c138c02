#include "ntintsafe.h"
