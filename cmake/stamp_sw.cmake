# Writes dist/sw.js with BUILD_ID set to a hash of the built files, so every new build gets a
# new offline cache. Run as: cmake -DSRC=web/sw.js -DDIST=dist -P cmake/stamp_sw.cmake
set(ids "")
foreach(f index.wasm index.js index.data boot.js app.css index.html)
  if(EXISTS "${DIST}/${f}")
    file(SHA256 "${DIST}/${f}" h)
    string(APPEND ids "${h}")
  endif()
endforeach()
string(SHA256 id "${ids}")
string(SUBSTRING "${id}" 0 16 id)
file(READ "${SRC}" text)
string(REPLACE "__BUILD_ID__" "${id}" text "${text}")
file(WRITE "${DIST}/sw.js" "${text}")
