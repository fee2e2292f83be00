# Differential tests against SymPy (label diff). gen.py writes the corpus and
# SymPy's answers into the build tree; run.py feeds them to `shapeenv expr`.
find_package(Python3 COMPONENTS Interpreter)
if(NOT Python3_Interpreter_FOUND)
  message(WARNING "Python 3 not found: the diff tests are not registered")
  return()
endif()

set(SE_DIFF_DIR ${CMAKE_CURRENT_BINARY_DIR}/diff)
set(SE_DIFF_ENV PYTHONDONTWRITEBYTECODE=1 PYTHONHASHSEED=0)

add_test(NAME diff.generate
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/gen.py ${SE_DIFF_DIR})
set_tests_properties(diff.generate PROPERTIES LABELS diff FIXTURES_SETUP se_diff_corpus
                     ENVIRONMENT "${SE_DIFF_ENV}" TIMEOUT 600)

foreach(suite sympy torchfn)
  add_test(NAME diff.${suite}
           COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/run.py
                   --shapeenv $<TARGET_FILE:shapeenv> --dir ${SE_DIFF_DIR} --suite ${suite})
  set_tests_properties(diff.${suite} PROPERTIES LABELS diff FIXTURES_REQUIRED se_diff_corpus
                       ENVIRONMENT "${SE_DIFF_ENV}" TIMEOUT 600)
endforeach()
