# Install test (label install): installs this build into a scratch prefix and
# builds a consumer against it with find_package(shapeenv) and pkg-config.
find_program(SE_PKG_CONFIG pkg-config)
if(NOT SE_PKG_CONFIG)
  message(WARNING "pkg-config not found: the install test is not registered")
  return()
endif()
add_test(NAME install.consumer
         COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/run.sh ${PROJECT_BINARY_DIR}
                 ${CMAKE_CURRENT_BINARY_DIR}/install-test ${CMAKE_C_COMPILER} ${SE_SANITIZE})
set_tests_properties(install.consumer PROPERTIES LABELS install TIMEOUT 300)
