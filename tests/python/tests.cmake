# The Python package's own tests (pytest): the PyTorch exporter. They need
# PyTorch 2.13.0 and fail, not skip, when it cannot be imported.
find_package(Python3 COMPONENTS Interpreter)
if(NOT Python3_Interpreter_FOUND)
  message(WARNING "Python 3 not found: the python tests are not registered")
  return()
endif()
add_test(NAME python.exporter
         COMMAND ${Python3_EXECUTABLE} -m pytest -q -p no:cacheprovider ${CMAKE_CURRENT_LIST_DIR})
set_tests_properties(python.exporter PROPERTIES LABELS python TIMEOUT 600
                     ENVIRONMENT "PYTHONDONTWRITEBYTECODE=1;SHAPEENV_BIN=$<TARGET_FILE:shapeenv>")
