#include "byline/index/html_reader.h"

#include <gtest/gtest.h>
