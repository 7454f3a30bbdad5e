# Project-wide settings and the one-line helpers every CMakeLists.txt uses.

# satchel_settings: every target links this INTERFACE target, which carries the
# language standard, the warnings and the strict Qt macros.
add_library(satchel_settings INTERFACE)
target_compile_features(satchel_settings INTERFACE cxx_std_20)
target_compile_options(satchel_settings INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
    -Woverloaded-virtual -Wnull-dereference -Wformat=2 -Wimplicit-fallthrough
    # Aggregates with default member initializers are meant to be partly initialised.
    -Wno-missing-field-initializers)
target_compile_definitions(satchel_settings INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_FOREACH
    QT_NO_KEYWORDS
    # Takes effect from Qt 6.7; on older Qt it documents the rule (every connect has a context).
    QT_NO_CONTEXTLESS_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_DISABLE_DEPRECATED_UP_TO=0x060400
    SATCHEL_VERSION="${PROJECT_VERSION}")

option(SATCHEL_WERROR "Treat warnings as errors" ON)
if(SATCHEL_WERROR)
    target_compile_options(satchel_settings INTERFACE -Werror)
endif()

# satchel_add_library(NAME [STATIC] SOURCES ... LIBS ...)
function(satchel_add_library name)
    cmake_parse_arguments(L "" "" "SOURCES;LIBS" ${ARGN})
    add_library(${name} STATIC ${L_SOURCES})
    target_include_directories(${name} PUBLIC "${PROJECT_SOURCE_DIR}")
    target_link_libraries(${name} PUBLIC satchel_settings ${L_LIBS})
endfunction()

# Where the test-server fixtures keep their run directories (env files, PIDs).
set(SATCHEL_SERVERS_RUNDIR "${PROJECT_BINARY_DIR}/test-servers")

# satchel_add_test(NAME LABEL label SOURCES ... [LIBS ...] [SERVERS dovecot vsftpd ...])
# One QtTest executable = one CTest test. SERVERS makes it require those real-server
# fixtures (started once per ctest run) and tells it where their env files are.
function(satchel_add_test name)
    cmake_parse_arguments(T "" "LABEL;TIMEOUT" "SOURCES;LIBS;SERVERS" ${ARGN})
    if(NOT T_LABEL)
        message(FATAL_ERROR "satchel_add_test(${name}): LABEL is required")
    endif()
    if(NOT T_TIMEOUT)
        # Integration tests start many clients against real servers: room for a slow,
        # loaded CI machine (tst_imap_cli takes ~40 s on an idle one).
        if(T_LABEL STREQUAL "integration")
            set(T_TIMEOUT 300)
        else()
            set(T_TIMEOUT 120)
        endif()
    endif()
    add_executable(${name} ${T_SOURCES})
    target_link_libraries(${name} PRIVATE satchel_settings satchel_testsupport Qt6::Test ${T_LIBS})
    add_test(NAME ${name} COMMAND ${name})
    set(fixtures "")
    foreach(server IN LISTS T_SERVERS)
        list(APPEND fixtures server_${server})
    endforeach()
    set_tests_properties(${name} PROPERTIES
        LABELS "${T_LABEL}"
        TIMEOUT ${T_TIMEOUT}
        FIXTURES_REQUIRED "${fixtures}"
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;SATCHEL_TEST_SERVERS=${SATCHEL_SERVERS_RUNDIR};SATCHEL_SOURCE_DIR=${PROJECT_SOURCE_DIR};SATCHEL_TEST_OUTPUT=${PROJECT_BINARY_DIR}/test-output;SATCHEL_BINARY_DIR=${PROJECT_BINARY_DIR}")
endfunction()

# satchel_add_server_fixture(NAME SCRIPT): CTest setup/cleanup tests that start and
# stop one real server through its tests/servers script.
function(satchel_add_server_fixture name script)
    set(rundir "${SATCHEL_SERVERS_RUNDIR}/${name}")
    add_test(NAME servers.${name}.start COMMAND "${script}" start "${rundir}")
    add_test(NAME servers.${name}.stop COMMAND "${script}" stop "${rundir}")
    set_tests_properties(servers.${name}.start PROPERTIES
        FIXTURES_SETUP server_${name} LABELS integration TIMEOUT 60)
    set_tests_properties(servers.${name}.stop PROPERTIES
        FIXTURES_CLEANUP server_${name} LABELS integration TIMEOUT 60)
endfunction()
