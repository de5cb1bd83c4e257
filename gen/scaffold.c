/* scaffold.c - see scaffold.h.
 *
 * Not written through site.c: site.c builds an output folder (a
 * temporary folder swapped in whole, with a manifest of what annalist
 * made, whose files a later build may delete).  An input folder is the
 * user's own: it must carry no manifest and nothing in it may ever be
 * replaced.  So each file is created here with O_CREAT | O_EXCL, which
 * fails rather than open a file that exists (even one made between our
 * check that DIR is empty and the write), and folders with mkdir, which
 * fails on an existing one. */
#include "scaffold.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "buf.h"

static const char S_BRIEFING[] =
    "---\n"
    "# The briefing: title, as-of date, and a handling marking shown as a\n"
    "# banner on every page (all optional but the title).\n"
    "title: Border talks between Northland and Southland\n"
    "date: 2024-01-15\n"
    "marking: UNCLASSIFIED // EXAMPLE\n"
    "lang: en\n"
    "---\n"
    "\n"
    "<!-- The body of briefing.md is the analyst's summary, shown first on\n"
    "     index.html.  Build the site with:  annalist build -o out .\n"
    "     then open out/index.html.  The format: docs/format.md. -->\n"
    "\n"
    "[Northland](@northland) and [Southland](@southland) opened talks on\n"
    "their [border](#border). One source so far; see the chronology.\n";

static const char S_SOURCE[] =
    "---\n"
    "# A source: one file per article, statement or post.  Phrases such as\n"
    "# \"on Wednesday\" are read against its publication date.\n"
    "title: Northland and Southland hold border talks\n"
    "published: 2024-01-12\n"
    "publisher: Example Wire\n"
    "url: https://example.org/border-talks\n"
    "grading: B2\n"
    "lang: en\n"
    "---\n"
    "\n"
    "<!-- [words](@id) marks an actor: id names a file of actors/, here\n"
    "     actors/northland.md.  [words](!type \"subject -> object\") marks an\n"
    "     action, one of the 16 PLOVER types (here consult), the title saying\n"
    "     who did it to whom.  [words](^) marks a time, read against the\n"
    "     publication date (\"on Wednesday\" is 2024-01-10); [words](^2024-01-10)\n"
    "     would give it outright.  [words](#id) marks a topic.  A paragraph\n"
    "     with a time or an action is an event of the chronology. -->\n"
    "\n"
    "Officials of [Northland](@northland) [met](!consult \"northland -> southland\")\n"
    "their counterparts from [Southland](@southland) [on Wednesday](^) to\n"
    "discuss the [border](#border).\n";

static const char S_NORTHLAND[] =
    "---\n"
    "# An actor: the file name is its id.  kind: state, organization,\n"
    "# person, media, group or other.  aliases are other names for it.\n"
    "name: Northland\n"
    "kind: state\n"
    "aliases: [Northlanders]\n"
    "role: Example state\n"
    "---\n"
    "\n"
    "The body of an actor file is its profile, shown on its page.\n";

static const char S_SOUTHLAND[] =
    "---\n"
    "name: Southland\n"
    "kind: state\n"
    "role: Example state, Northland's neighbour\n"
    "---\n"
    "\n"
    "Southland shares a border with Northland.\n";

/* 1 when dir is a folder holding nothing; 0 (and reported) otherwise;
 * -1 when it does not exist. */
static int S_empty_dir(const char *dir, an_diags *d) {
  struct stat st;
  if (stat(dir, &st) != 0) {
    if (errno == ENOENT) return -1;
    an_diag_io(d, dir, "cannot use: %s", strerror(errno));
    return 0;
  }
  if (!S_ISDIR(st.st_mode)) {
    an_diag_add(d, AN_ERROR, dir, 0, 0, "exists and is not a folder");
    return 0;
  }
  DIR *dp = opendir(dir);
  if (!dp) {
    an_diag_io(d, dir, "cannot read: %s", strerror(errno));
    return 0;
  }
  int empty = 1;
  struct dirent *e;
  while (empty && (e = readdir(dp)) != NULL)
    if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) empty = 0;
  closedir(dp);
  if (!empty)
    an_diag_add(d, AN_ERROR, dir, 0, 0,
                "is not empty; init writes only into a new or empty folder");
  return empty;
}

static int S_mkdir(const char *path, an_diags *d) {
  if (mkdir(path, 0777) == 0) return 1;
  an_diag_io(d, path, "cannot make the folder: %s", strerror(errno));
  return 0;
}

/* Creates path (it must not exist) holding text. */
static int S_create(const char *path, const char *text, an_diags *d) {
  int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0666);
  if (fd < 0) {
    an_diag_io(d, path, "cannot create: %s", strerror(errno));
    return 0;
  }
  size_t len = strlen(text), done = 0;
  while (done < len) {
    ssize_t n = write(fd, text + done, len - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    done += (size_t)n;
  }
  int err = done < len ? errno : 0;
  if (close(fd) != 0 && !err) err = errno;
  if (done < len || err) {
    an_diag_io(d, path, "cannot write: %s", strerror(err ? err : EIO));
    return 0;
  }
  return 1;
}

an_status an_scaffold(const char *dir, an_diags *d) {
  int e = S_empty_dir(dir, d);
  if (e == 0) return an_diags_status(d, 0) == AN_ERR_IO ? AN_ERR_IO : AN_ERR_USAGE;
  if (e < 0 && !S_mkdir(dir, d)) return AN_ERR_IO;
  static const struct {
    const char *rel, *text; /* text NULL: a folder */
  } files[] = {{"sources", NULL},
               {"actors", NULL},
               {"briefing.md", S_BRIEFING},
               {"sources/first-report.md", S_SOURCE},
               {"actors/northland.md", S_NORTHLAND},
               {"actors/southland.md", S_SOUTHLAND}};
  int ok = 1;
  for (size_t i = 0; ok && i < sizeof files / sizeof *files; i++) {
    an_buf path = AN_BUF_INIT;
    an_buf_printf(&path, "%s/%s", dir, files[i].rel);
    ok = files[i].text ? S_create(an_buf_cstr(&path), files[i].text, d)
                       : S_mkdir(an_buf_cstr(&path), d);
    an_buf_free(&path);
  }
  return ok ? AN_OK : AN_ERR_IO;
}
