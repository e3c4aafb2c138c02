/*
 * tests/hostile/not_a_driver.c — a shared object that is not a bcsim driver, built four ways
 * (MARKER): no marker, the marker as a string, as a function, as another ABI version. Its
 * constructor creates "constructor_ran" in the current directory: bcsim must decide from the
 * file, before dlopen(), and never run it. Plain C (not the driver profile).
 */
#include <fcntl.h>
#include <unistd.h>

__attribute__((constructor)) static void Constructor(void)
{
    int fd = open("constructor_ran", O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0)
        close(fd);
}

#if MARKER == 1
const char bcsim_driver_abi_version[] = "1";
#elif MARKER == 2
void bcsim_driver_abi_version(void) {}
#elif MARKER == 3
const unsigned int bcsim_driver_abi_version = 2;
#elif MARKER == 4
unsigned int bcsim_driver_abi_version;          /* .bss: no value in the file */
#endif

int DriverEntry(void *driver_object, void *registry_path);
int DriverEntry(void *driver_object, void *registry_path)
{
    (void)driver_object;
    (void)registry_path;
    return 0;
}
