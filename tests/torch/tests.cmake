# Conformance against PyTorch (label torch): one test per program of
# tests/torch/programs/ (compile_*.py, env_*.py). Each runs the program in a
# fresh Python process under shapeenv.torch.capture, takes PyTorch's answers
# for every ShapeEnv it made, and compares `shapeenv replay` on the exported
# logs with them (run_suite.py). PyTorch must be importable by this Python:
# a missing torch fails the tests, it does not skip them.
find_package(Python3 COMPONENTS Interpreter)
if(NOT Python3_Interpreter_FOUND)
  message(WARNING "Python 3 not found: the torch tests are not registered")
  return()
endif()

file(GLOB SE_TORCH_PROGRAMS CONFIGURE_DEPENDS
     ${CMAKE_CURRENT_LIST_DIR}/programs/compile_*.py
     ${CMAKE_CURRENT_LIST_DIR}/programs/env_*.py)
foreach(prog ${SE_TORCH_PROGRAMS})
  get_filename_component(name ${prog} NAME_WE)
  add_test(NAME torch.${name}
           COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/run_suite.py
                   --shapeenv $<TARGET_FILE:shapeenv> ${name})
  set_tests_properties(torch.${name} PROPERTIES
                       LABELS torch
                       TIMEOUT 300
                       ENVIRONMENT "PYTHONDONTWRITEBYTECODE=1;OMP_NUM_THREADS=1")
endforeach()
