// Zip reading over memory with minizip (see zip.hpp).
#include "core/zip.hpp"

#include <algorithm>
#include <cstring>

#include <unzip.h>

namespace rk::zip {

namespace {

struct MemFile {
  const char* data = nullptr;
  uint64_t size = 0;
  uint64_t pos = 0;
  bool open = false;
};

voidpf ZCALLBACK mem_open(voidpf opaque, const void*, int mode) {
  auto* m = static_cast<MemFile*>(opaque);
  if ((mode & ZLIB_FILEFUNC_MODE_READWRITEFILTER) != ZLIB_FILEFUNC_MODE_READ) return nullptr;
  m->pos = 0;
  m->open = true;
  return m;
}
uLong ZCALLBACK mem_read(voidpf, voidpf stream, void* buf, uLong size) {
  auto* m = static_cast<MemFile*>(stream);
  if (m->pos >= m->size) return 0;
  uint64_t n = std::min<uint64_t>(size, m->size - m->pos);
  std::memcpy(buf, m->data + m->pos, size_t(n));
  m->pos += n;
  return uLong(n);
}
uLong ZCALLBACK mem_write(voidpf, voidpf, const void*, uLong) { return 0; }
ZPOS64_T ZCALLBACK mem_tell(voidpf, voidpf stream) { return static_cast<MemFile*>(stream)->pos; }
long ZCALLBACK mem_seek(voidpf, voidpf stream, ZPOS64_T offset, int origin) {
  auto* m = static_cast<MemFile*>(stream);
  uint64_t base;
  switch (origin) {
    case ZLIB_FILEFUNC_SEEK_SET: base = 0; break;
    case ZLIB_FILEFUNC_SEEK_CUR: base = m->pos; break;
    case ZLIB_FILEFUNC_SEEK_END: base = m->size; break;
    default: return -1;
  }
  if (offset > m->size || base + offset > m->size) return -1;
  m->pos = base + offset;
  return 0;
}
int ZCALLBACK mem_close(voidpf, voidpf stream) {
  static_cast<MemFile*>(stream)->open = false;
  return 0;
}
int ZCALLBACK mem_error(voidpf, voidpf) { return 0; }

}  // namespace

struct Archive::Impl {
  MemFile mem;
  unzFile uf = nullptr;
  // Current extraction.
  bool reading = false;
  uint64_t got = 0, cap = 0;
  ~Impl() {
    if (uf) {
      if (reading) unzCloseCurrentFile(uf);
      unzClose(uf);
    }
  }
};

bool looks_like_zip(std::string_view b) {
  return b.size() >= 4 && b[0] == 'P' && b[1] == 'K' &&
         ((b[2] == 3 && b[3] == 4) || (b[2] == 5 && b[3] == 6) || (b[2] == 7 && b[3] == 8));
}

Archive::Archive() : impl_(new Impl) {}
Archive::~Archive() = default;

bool Archive::open(std::string_view bytes, std::string& error) {
  impl_.reset(new Impl);
  entries_.clear();
  impl_->mem.data = bytes.data();
  impl_->mem.size = bytes.size();
  zlib_filefunc64_def ff;
  ff.zopen64_file = mem_open;
  ff.zread_file = mem_read;
  ff.zwrite_file = mem_write;
  ff.ztell64_file = mem_tell;
  ff.zseek64_file = mem_seek;
  ff.zclose_file = mem_close;
  ff.zerror_file = mem_error;
  ff.opaque = &impl_->mem;
  impl_->uf = unzOpen2_64("memory", &ff);
  if (!impl_->uf) {
    error = "not a readable zip archive (damaged or incomplete download?)";
    return false;
  }
  unz_global_info64 gi;
  if (unzGetGlobalInfo64(impl_->uf, &gi) != UNZ_OK) {
    error = "the zip archive's directory is damaged";
    return false;
  }
  int rc = unzGoToFirstFile(impl_->uf);
  while (rc == UNZ_OK) {
    unz_file_info64 fi;
    char name[1024];
    if (unzGetCurrentFileInfo64(impl_->uf, &fi, name, sizeof name, nullptr, 0, nullptr, 0) != UNZ_OK) {
      error = "the zip archive's directory is damaged";
      return false;
    }
    Entry e;
    e.name.assign(name, strnlen(name, sizeof name));
    e.compressed = fi.compressed_size;
    e.uncompressed = fi.uncompressed_size;
    e.method = int(fi.compression_method);
    e.encrypted = (fi.flag & 1) != 0;
    e.directory = !e.name.empty() && (e.name.back() == '/' || e.name.back() == '\\');
    entries_.push_back(std::move(e));
    if (entries_.size() > 100000) {
      error = "the zip archive has too many entries";
      return false;
    }
    rc = unzGoToNextFile(impl_->uf);
  }
  if (rc != UNZ_END_OF_LIST_OF_FILE) {
    error = "the zip archive's directory is damaged";
    return false;
  }
  return true;
}

void Archive::abort() {
  if (impl_->uf && impl_->reading) unzCloseCurrentFile(impl_->uf);
  impl_->reading = false;
}

bool Archive::begin(size_t i, const Limits& limits, std::string& out, std::string& error) {
  if (!begin(i, limits, error)) return false;
  out.reserve(out.size() + size_t(std::min<uint64_t>(entries_[i].uncompressed, impl_->cap)));
  return true;
}

bool Archive::begin(size_t i, const Limits& limits, std::string& error) {
  abort();
  if (!impl_->uf || i >= entries_.size()) {
    error = "no such zip entry";
    return false;
  }
  const Entry& e = entries_[i];
  if (e.encrypted) {
    error = "this zip entry is encrypted (password-protected); extract the archive first or "
            "download the export again";
    return false;
  }
  if (e.method != 0 && e.method != 8) {
    error = "this zip entry uses an unsupported compression method (" + std::to_string(e.method) +
            "); only stored and deflate are supported";
    return false;
  }
  if (e.uncompressed > limits.max_entry_bytes) {
    error = "this zip entry is too large (" + std::to_string(e.uncompressed >> 20) + " MB uncompressed)";
    return false;
  }
  double ratio_cap = double(std::max<uint64_t>(e.compressed, 1)) * limits.max_ratio;
  if (double(e.uncompressed) > ratio_cap && e.uncompressed > 4096) {
    error = "this zip entry expands too much (compression ratio above " +
            std::to_string(int(limits.max_ratio)) + ":1): refusing a possible zip bomb";
    return false;
  }
  if (unzGoToFirstFile(impl_->uf) != UNZ_OK) {
    error = "the zip archive is damaged";
    return false;
  }
  for (size_t k = 0; k < i; ++k)
    if (unzGoToNextFile(impl_->uf) != UNZ_OK) {
      error = "the zip archive is damaged";
      return false;
    }
  if (unzOpenCurrentFile(impl_->uf) != UNZ_OK) {
    error = "this zip entry cannot be opened (damaged archive?)";
    return false;
  }
  impl_->reading = true;
  impl_->got = 0;
  // Hard cap on real output: the declared size (headers may lie), the size limit, the ratio.
  uint64_t cap = std::min<uint64_t>(limits.max_entry_bytes, uint64_t(std::min(ratio_cap, 1e18)));
  cap = std::max<uint64_t>(cap, std::min<uint64_t>(4096, limits.max_entry_bytes));
  impl_->cap = std::min<uint64_t>(cap, e.uncompressed);
  return true;
}

int Archive::read_some(std::string& out, size_t max_bytes, std::string& error) {
  if (!impl_->reading) {
    error = "no zip entry is being read";
    return -1;
  }
  // Inflate straight into `out` (its capacity was reserved in begin()): no bounce buffer.
  size_t done = 0;
  constexpr size_t kChunk = 65536;
  while (done < max_bytes) {
    size_t old = out.size();
    // Stay inside the reserved capacity: a resize past it would reallocate and copy the whole
    // entry. Once it is full (the declared size is in), a small buffer finds the end.
    const size_t room = out.capacity() - old;
    int n;
    const size_t want = std::min(max_bytes - done, kChunk);
    if (room >= std::min<size_t>(4096, want)) {
      const size_t chunk = std::min(want, room);
      out.resize(old + chunk);
      n = unzReadCurrentFile(impl_->uf, out.data() + old, unsigned(chunk));
      out.resize(old + size_t(std::max(n, 0)));
    } else {
      char tail[4096];
      n = unzReadCurrentFile(impl_->uf, tail, unsigned(std::min(want, sizeof tail)));
      if (n > 0) out.append(tail, size_t(n));
    }
    if (n < 0) {
      error = n == Z_DATA_ERROR ? "this zip entry is corrupt (bad compressed data)"
                                : "this zip entry cannot be read (damaged archive?)";
      abort();
      return -1;
    }
    if (n == 0) {
      int rc = unzCloseCurrentFile(impl_->uf);
      impl_->reading = false;
      if (rc == UNZ_CRCERROR) {
        error = "this zip entry is corrupt (checksum mismatch)";
        return -1;
      }
      if (rc != UNZ_OK) {
        error = "this zip entry cannot be read (damaged archive?)";
        return -1;
      }
      return 0;
    }
    impl_->got += uint64_t(n);
    if (impl_->got > impl_->cap) {
      error = "this zip entry is larger than its header says or than allowed: refusing a possible zip bomb";
      abort();
      return -1;
    }
    done += size_t(n);
  }
  return 1;
}

bool Archive::extract(size_t i, const Limits& limits, std::string& out, std::string& error) {
  if (!begin(i, limits, out, error)) return false;
  for (;;) {
    int rc = read_some(out, size_t(1) << 24, error);
    if (rc < 0) return false;
    if (rc == 0) return true;
  }
}

}  // namespace rk::zip
