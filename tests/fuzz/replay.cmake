# Corpus replay (every build, including -DAIREPORT_SANITIZE=ON): each fuzz
# harness linked with replay.c as main and run over its committed corpus
# (tests/fuzz/corpus/<name>/), so the inputs that once found a bug keep
# guarding it. Included from tests/CMakeLists.txt (# --- hostile).
set(FUZZ_HARNESSES fuzz_csv fuzz_codebook fuzz_template fuzz_linebreak fuzz_outname)
set(FUZZ_DIR ${CMAKE_CURRENT_LIST_DIR})
# The stage library each harness exercises.
set(fuzz_csv_STAGE ar_input)
set(fuzz_codebook_STAGE ar_input)
set(fuzz_template_STAGE ar_template ar_input) # the survey it loads to check against
set(fuzz_linebreak_STAGE ar_render)
set(fuzz_outname_STAGE ar_core)

add_library(fuzz_common STATIC ${FUZZ_DIR}/fuzz_common.c)
target_include_directories(fuzz_common PUBLIC ${FUZZ_DIR})
target_compile_definitions(fuzz_common PUBLIC FUZZ_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
aireport_warnings(fuzz_common)

foreach(h IN LISTS FUZZ_HARNESSES)
  add_executable(${h}_replay ${FUZZ_DIR}/${h}.c ${FUZZ_DIR}/replay.c)
  target_link_libraries(${h}_replay PRIVATE fuzz_common ${${h}_STAGE})
  aireport_warnings(${h}_replay)
  add_test(NAME ${h}_replay COMMAND ${h}_replay ${FUZZ_DIR}/corpus/${h})
  set_tests_properties(${h}_replay PROPERTIES TIMEOUT 120 LABELS fuzz)
endforeach()
