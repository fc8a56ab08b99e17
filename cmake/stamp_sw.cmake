# Writes dist/sw.js from web/sw.js: FILES becomes the list of the files at the top of dist/ (the
# app's static files; fonts/ is cached on first use instead), BUILD_ID a hash of all of them and
# of the worker's own source. Every build that changes any file therefore changes sw.js, which is
# what makes browsers install the new version and drop the old cache.
#   cmake -DSRC=web/sw.js -DDIST=dist -P cmake/stamp_sw.cmake
file(GLOB entries RELATIVE "${DIST}" "${DIST}/*")
list(SORT entries)
file(READ "${SRC}" text)
string(SHA256 ids "${text}")
set(files "'./'")
foreach(f ${entries})
  if(IS_DIRECTORY "${DIST}/${f}" OR f STREQUAL "sw.js" OR f MATCHES "^\\.")
    continue()
  endif()
  if(NOT f MATCHES "^[A-Za-z0-9._-]+$")
    message(FATAL_ERROR "stamp_sw: unexpected file name in ${DIST}: ${f}")
  endif()
  file(SHA256 "${DIST}/${f}" h)
  string(APPEND ids "${f}:${h};")
  string(APPEND files ", '${f}'")
endforeach()
string(SHA256 id "${ids}")
string(SUBSTRING "${id}" 0 16 id)
string(REGEX REPLACE "/\\*FILES\\*/.*/\\*END\\*/" "${files}" text "${text}")
string(REPLACE "__BUILD_ID__" "${id}" text "${text}")
if(NOT text MATCHES "BUILD_ID = '${id}'")
  message(FATAL_ERROR "stamp_sw: could not stamp ${SRC}")
endif()
file(WRITE "${DIST}/sw.js" "${text}")
