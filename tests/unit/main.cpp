// Catch2's main for the native unit tests of src/core.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
