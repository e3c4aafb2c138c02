/* Version.h — at the root of the tree, reached as "..\Version.h" from src\ and "..\..\Version.h" from src\Inc\. */
#pragma once
#define RT_VERSION_MAJOR 2
#define RT_VERSION_MINOR 7
#define RT_VERSION_STRING "2.7"
