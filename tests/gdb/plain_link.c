/* gdb_plain_link: a program that links libbcsim the ordinary way (not as a whole archive) and
 * uses one function of it. tests/gdb checks gdb still finds the extension in it. */
#include <stdio.h>

#include "bcsim.h"

int main(void)
{
    printf("bcsim %s\n", bcsim_version());
    return 0;
}
