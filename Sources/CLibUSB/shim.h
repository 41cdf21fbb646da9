// libusb 1.0 (Debian libusb-1.0-0-dev); pkg-config's libusb-1.0 puts its folder on the include path.
#include <libusb.h>
