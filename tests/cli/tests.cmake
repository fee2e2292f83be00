# Golden-file tests of the command line (label cli): one directory per case
# under tests/cli/cases with args, stdin, stdout, stderr and status. Cases
# run from the repository root, so args name files as examples/x.jsonl.
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

# The shipped example logs: make_examples records the runs again and the
# logs must come out byte for byte as committed (recording is deterministic).
add_executable(make_examples ${PROJECT_SOURCE_DIR}/examples/make_examples.c)
target_compile_options(make_examples PRIVATE ${SE_WARNINGS})
target_link_libraries(make_examples PRIVATE shapeenv_objs m)
add_test(NAME cli.examples_deterministic
         COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/examples.sh
                 $<TARGET_FILE:make_examples> ${PROJECT_SOURCE_DIR}/examples)
set_tests_properties(cli.examples_deterministic PROPERTIES LABELS cli TIMEOUT 60)

# A failing query written with --smt2 replays under the z3 command itself.
add_test(NAME z3.smt2_replays
         COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/smt2.sh $<TARGET_FILE:shapeenv>
                 ${CMAKE_CURRENT_LIST_DIR}/logs/flip_convnet.jsonl)
set_tests_properties(z3.smt2_replays PROPERTIES LABELS z3 TIMEOUT 120 SKIP_RETURN_CODE 77)
