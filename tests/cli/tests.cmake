# Golden-file tests of the command line (label cli): one directory per case
# under tests/cli/cases with args, stdin, stdout, stderr and status.
file(GLOB SE_CLI_CASES LIST_DIRECTORIES true CONFIGURE_DEPENDS
     ${CMAKE_CURRENT_LIST_DIR}/cases/*)
foreach(case ${SE_CLI_CASES})
  if(IS_DIRECTORY ${case})
    get_filename_component(name ${case} NAME)
    add_test(NAME cli.${name}
             COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/run.sh
                     $<TARGET_FILE:shapeenv> ${case})
    set_tests_properties(cli.${name} PROPERTIES LABELS cli
                         TIMEOUT 60)
  endif()
endforeach()
