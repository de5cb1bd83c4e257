/* main.c - the command line: subcommands, options, exit codes.
 *
 * The only place that prints or exits.  Exit codes: 0 success, 1 the input
 * has errors, 2 bad usage, 3 an I/O failure. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <libxml/xmlmemory.h>

#include "alloc.h"
#include "build.h"
#include "buf.h"
#include "diag.h"
#include "model.h"
#include "phrase.h"
#include "publish.h"
#include "scaffold.h"
#include "views.h"
#include "when.h"

#ifndef AN_DATADIR
#define AN_DATADIR "/usr/local/share/annalist"
#endif

static const char S_USAGE[] =
    "usage: annalist [--version] [--help] <command> [<options>]\n"
    "\n"
    "Turns annotated Markdown sources into a briefing site: a chronology,\n"
    "an actor diagram and source pages, in HTML with inline SVG.\n"
    "\n"
    "commands:\n"
    "  build [-o OUT] [INPUT]     build the site from INPUT (default input/)\n"
    "                             into OUT (default out/)\n"
    "  check [INPUT]              read and report only; writes nothing\n"
    "  events [INPUT]             print the chronology, one event per line\n"
    "  init DIR                   make a new briefing folder to start from\n"
    "  date --ref DATE EXPR...    print how each time expression resolves\n"
    "  help [COMMAND]             show help for a command\n"
    "\n"
    "Run 'annalist COMMAND --help' for a command's options.\n"
    "\n"
    "exit codes: 0 success, 1 the input has errors, 2 bad usage,\n"
    "            3 an I/O failure\n";

static const char S_BUILD_HELP[] =
    "usage: annalist build [-o OUT] [--strict] [--templates DIR]\n"
    "                      [--base-url URL] [--diagnostics=gcc|github] [INPUT]\n"
    "\n"
    "Reads INPUT (default input/): briefing.md, sources/*.md, actors/*.md;\n"
    "writes the site into OUT (default out/): index.html, timeline.html,\n"
    "sources/, actors/ and topics/ pages, the diagrams, briefing.xml (the\n"
    "model) and the exports briefing.json, events.csv, events.ics, feed.xml\n"
    "(and sitemap.xml with --base-url); docs/exports.md describes them.\n"
    "\n"
    "The site is written into a temporary folder beside OUT and swapped in\n"
    "only when everything succeeded: a failed build leaves OUT as it was.\n"
    "Unchanged files keep their modification time; files in OUT that\n"
    "annalist did not write are kept (its manifest says which it wrote).\n"
    "\n"
    "options:\n"
    "  -o, --output OUT        the output folder (default out/)\n"
    "  --strict                treat warnings as errors\n"
    "  --templates DIR         use the stylesheets and CSS in DIR (default:\n"
    "                          $ANNALIST_TEMPLATES, else templates/ beside the\n"
    "                          program, else the installed ones)\n"
    "  --base-url URL          the address OUT is published at (http:// or\n"
    "                          https://, ending with /): absolute links in\n"
    "                          feed.xml, sitemap.xml (written only then) and\n"
    "                          each page's canonical link; pages link\n"
    "                          relatively either way\n"
    "  --diagnostics=STYLE     gcc (FILE:LINE:COL: error: ...) or github\n"
    "                          (workflow commands that annotate pull requests)\n"
    "\n"
    "SOURCE_DATE_EPOCH, when set, is recorded as the build time; otherwise\n"
    "no clock time is recorded and the output depends on the input alone.\n"
    "\n"
    "exit codes: 0 success, 1 the input has errors, 2 bad usage,\n"
    "            3 an I/O failure\n";

static const char S_CHECK_HELP[] =
    "usage: annalist check [--strict] [--explain] [--diagnostics=gcc|github] [INPUT]\n"
    "\n"
    "Reads INPUT (default input/) as 'build' does and reports every problem;\n"
    "writes nothing.  Use it as the lint step of a CI workflow.\n"
    "\n"
    "options:\n"
    "  --strict                treat warnings as errors\n"
    "  --explain               print how every time was read, on stdout:\n"
    "                          FILE:LINE:COL: 'on Friday' -> Fri 22 Dec 2023: the\n"
    "                          most recent Friday before ..., the publication date\n"
    "  --diagnostics=STYLE     gcc or github\n"
    "\n"
    "exit codes: 0 no errors, 1 the input has errors, 2 bad usage,\n"
    "            3 an I/O failure\n";

static const char S_EVENTS_HELP[] =
    "usage: annalist events [--strict] [--diagnostics=gcc|github] [INPUT]\n"
    "\n"
    "Prints the chronology of INPUT (default input/) on stdout, one event per\n"
    "line in chronological order, five fields separated by TABs:\n"
    "  1. the time as EDTF (\"../2023-12-28\": only reported by a source\n"
    "     published that day; \"..\": not even that is known)\n"
    "  2. FILE:LINE of the event's first block\n"
    "  3. the event key, or -\n"
    "  4. the participants' ids, sorted, joined by commas; - for none\n"
    "  5. the actions as subject>type>object joined by ';' (? for an untyped\n"
    "     action, subject>type> for one without object); - for none\n"
    "This format is a contract for scripts.  Writes nothing.\n"
    "\n"
    "exit codes: 0 success, 1 the input has errors, 2 bad usage,\n"
    "            3 an I/O failure\n";

static const char S_INIT_HELP[] =
    "usage: annalist init DIR\n"
    "\n"
    "Makes DIR a new briefing folder to start from: briefing.md, one source\n"
    "(sources/first-report.md) showing each kind of annotation once with a\n"
    "comment on what it does, and two actors (actors/*.md).  It builds with\n"
    "'annalist build --strict DIR' and no warning.\n"
    "\n"
    "DIR must not exist (its parent must) or be an empty folder: init never\n"
    "replaces or adds to anything.\n"
    "\n"
    "exit codes: 0 made, 2 bad usage (DIR exists and is not an empty\n"
    "            folder), 3 an I/O failure\n";

static const char S_DATE_HELP[] =
    "usage: annalist date --ref YYYY-MM-DD [--order mdy|dmy] EXPR...\n"
    "\n"
    "Prints, for each time expression, its normalized EDTF value, a tab and\n"
    "its precision, reading it as the '^' annotation does in a source\n"
    "published on the --ref date.  Explicit values (2023-W51, 2023-12) are\n"
    "accepted too.\n"
    "\n"
    "  annalist date --ref 2023-12-28 'on Friday' 'last week'\n"
    "  2023-12-22\tday\n"
    "  2023-W51\tweek\n"
    "\n"
    "options:\n"
    "  --ref DATE      the publication date to read against (required)\n"
    "  --order ORDER   how to read slash dates such as 12/06/2023: mdy or dmy\n"
    "  --explain       also print the rule applied\n"
    "\n"
    "exit codes: 0 all read, 1 an expression could not be read, 2 bad usage\n";

static int S_usage_error(const char *cmd, const char *fmt, const char *arg) {
  fprintf(stderr, "annalist%s%s: ", cmd ? " " : "", cmd ? cmd : "");
  fprintf(stderr, fmt, arg);
  fprintf(stderr, "\nTry 'annalist %s%s--help'.\n", cmd ? cmd : "", cmd ? " " : "");
  return AN_ERR_USAGE;
}

static void S_print_diags(an_diags *d, an_diag_style style) {
  an_diags_sort(d);
  an_buf out = AN_BUF_INIT;
  for (size_t i = 0; i < an_diags_len(d); i++) an_diag_format(an_diags_at(d, i), style, &out);
  fputs(an_buf_cstr(&out), stderr);
  an_buf_free(&out);
}

/* The templates folder: $ANNALIST_TEMPLATES, else beside the executable
 * (a build tree), else the installed data folder. */
static char *S_templates_dir(void) {
  const char *env = getenv("ANNALIST_TEMPLATES");
  if (env && *env) return an_xstrdup(env);
  char exe[4096];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n > 0) {
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (slash) {
      *slash = '\0';
      an_buf p = AN_BUF_INIT;
      an_buf_printf(&p, "%s/templates/index.xsl", exe);
      struct stat st;
      if (stat(an_buf_cstr(&p), &st) == 0) {
        an_buf_clear(&p);
        an_buf_printf(&p, "%s/templates", exe);
        return an_buf_detach(&p);
      }
      an_buf_free(&p);
    }
  }
  return an_xstrdup(AN_DATADIR "/templates");
}

/* SOURCE_DATE_EPOCH as ISO 8601, or NULL when unset; -1 in *bad when set
 * but not a number. */
static char *S_build_time(int *bad) {
  const char *e = getenv("SOURCE_DATE_EPOCH");
  *bad = 0;
  if (!e || !*e) return NULL;
  char *end;
  errno = 0;
  long long v = strtoll(e, &end, 10);
  if (errno || *end || v < 0 || v > 253402300799LL) {
    *bad = 1;
    return NULL;
  }
  time_t t = (time_t)v;
  struct tm tm;
  gmtime_r(&t, &tm);
  char buf[32];
  strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return an_xstrdup(buf);
}

static int S_is_help(const char *a) { return !strcmp(a, "--help") || !strcmp(a, "-h"); }

enum { S_BUILD, S_CHECK, S_EVENTS };

static int S_cmd_build(int argc, char **argv, int mode, int strict) {
  static const char *const names[] = {"build", "check", "events"};
  static const char *const helps[] = {S_BUILD_HELP, S_CHECK_HELP, S_EVENTS_HELP};
  const char *cmd = names[mode];
  int check = mode != S_BUILD, explain = 0;
  const char *input = NULL, *output = "out", *templates = NULL, *base_url = NULL;
  an_diag_style style = AN_DIAG_GCC;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (S_is_help(a)) {
      fputs(helps[mode], stdout);
      return AN_OK;
    } else if (mode == S_CHECK && !strcmp(a, "--explain")) {
      explain = 1;
    } else if (!strcmp(a, "--strict")) {
      strict = 1;
    } else if (!check && (!strcmp(a, "-o") || !strcmp(a, "--output"))) {
      if (++i >= argc) return S_usage_error(cmd, "%s needs a folder", a);
      output = argv[i];
    } else if (!check && !strncmp(a, "--output=", 9)) {
      output = a + 9;
    } else if (!check && !strcmp(a, "--templates")) {
      if (++i >= argc) return S_usage_error(cmd, "%s needs a folder", a);
      templates = argv[i];
    } else if (!check && !strncmp(a, "--templates=", 12)) {
      templates = a + 12;
    } else if (!check && !strcmp(a, "--base-url")) {
      if (++i >= argc) return S_usage_error(cmd, "%s needs a URL", a);
      base_url = argv[i];
    } else if (!check && !strncmp(a, "--base-url=", 11)) {
      base_url = a + 11;
    } else if (!strncmp(a, "--diagnostics=", 14)) {
      if (!strcmp(a + 14, "gcc")) style = AN_DIAG_GCC;
      else if (!strcmp(a + 14, "github")) style = AN_DIAG_GITHUB;
      else return S_usage_error(cmd, "unknown diagnostics style '%s' (gcc or github)", a + 14);
    } else if (a[0] == '-' && a[1]) {
      return S_usage_error(cmd, "unknown option '%s'", a);
    } else if (input) {
      return S_usage_error(cmd, "one input folder only ('%s' is extra)", a);
    } else {
      input = a;
    }
  }
  if (!input) input = "input";
  if (!*output) return S_usage_error(cmd, "%sthe output folder name is empty", "");
  char why[128];
  if (base_url && !an_publish_base_url_ok(base_url, why, sizeof why)) {
    an_buf msg = AN_BUF_INIT;
    an_buf_printf(&msg, "--base-url '%s': %s", base_url, why);
    S_usage_error(cmd, "%s", an_buf_cstr(&msg));
    an_buf_free(&msg);
    return AN_ERR_USAGE;
  }
  int bad;
  char *built = S_build_time(&bad);
  if (bad) return S_usage_error(cmd, "SOURCE_DATE_EPOCH='%s' is not a number of seconds",
                                getenv("SOURCE_DATE_EPOCH"));
  char *tdir = templates ? an_xstrdup(templates) : S_templates_dir();
  an_buf report = AN_BUF_INIT;
  an_build_opts o = {input, check ? NULL : output, tdir, strict, built,
                     explain ? &report : NULL, mode == S_EVENTS ? &report : NULL,
                     base_url};
  an_diags *d = an_diags_new();
  an_status st = an_build(&o, d);
  fputs(an_buf_cstr(&report), stdout);
  an_buf_free(&report);
  S_print_diags(d, style);
  if (st == AN_OK && !check)
    fprintf(stderr, "annalist: built %s from %s (%zu warning%s)\n", output, input,
            an_diags_count(d, AN_WARNING), an_diags_count(d, AN_WARNING) == 1 ? "" : "s");
  else if (st == AN_ERR_INPUT)
    fprintf(stderr, "annalist: %zu error%s, %zu warning%s%s\n", an_diags_count(d, AN_ERROR),
            an_diags_count(d, AN_ERROR) == 1 ? "" : "s", an_diags_count(d, AN_WARNING),
            an_diags_count(d, AN_WARNING) == 1 ? "" : "s",
            check ? "" : "; nothing was written");
  an_diags_free(d);
  free(tdir);
  free(built);
  an_views_cleanup();
  return st;
}

static int S_cmd_init(int argc, char **argv) {
  const char *dir = NULL;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (S_is_help(a)) {
      fputs(S_INIT_HELP, stdout);
      return AN_OK;
    } else if (a[0] == '-' && a[1]) {
      return S_usage_error("init", "unknown option '%s'", a);
    } else if (dir) {
      return S_usage_error("init", "one folder only ('%s' is extra)", a);
    } else {
      dir = a;
    }
  }
  if (!dir || !*dir) return S_usage_error("init", "which folder? (annalist init DIR)%s", "");
  an_diags *d = an_diags_new();
  an_status st = an_scaffold(dir, d);
  S_print_diags(d, AN_DIAG_GCC);
  an_diags_free(d);
  if (st == AN_OK)
    fprintf(stderr, "annalist: made %s; build it with: annalist build -o out %s\n", dir, dir);
  return st;
}

static int S_cmd_date(int argc, char **argv) {
  const char *ref = NULL;
  an_date_order order = AN_DATE_ORDER_NONE;
  int explain = 0, first = 0;
  for (int i = 1; i < argc && !first; i++) {
    const char *a = argv[i];
    if (S_is_help(a)) {
      fputs(S_DATE_HELP, stdout);
      return AN_OK;
    } else if (!strcmp(a, "--ref")) {
      if (++i >= argc) return S_usage_error("date", "%s needs a date", a);
      ref = argv[i];
    } else if (!strncmp(a, "--ref=", 6)) {
      ref = a + 6;
    } else if (!strcmp(a, "--order") || !strncmp(a, "--order=", 8)) {
      const char *v = a[7] == '=' ? a + 8 : (++i < argc ? argv[i] : NULL);
      if (v && !strcmp(v, "mdy")) order = AN_DATE_ORDER_MDY;
      else if (v && !strcmp(v, "dmy")) order = AN_DATE_ORDER_DMY;
      else return S_usage_error("date", "--order takes mdy or dmy%s", "");
    } else if (!strcmp(a, "--explain")) {
      explain = 1;
    } else if (!strcmp(a, "--")) {
      first = i + 1;
    } else if (a[0] == '-' && a[1] && !(a[1] >= '0' && a[1] <= '9')) {
      return S_usage_error("date", "unknown option '%s'", a);
    } else {
      first = i;
    }
  }
  if (!ref) return S_usage_error("date", "--ref YYYY-MM-DD is required%s", "");
  an_when anchor;
  char err[512];
  if (!an_when_parse(ref, &anchor, err, sizeof err) || anchor.precision != AN_PREC_DAY)
    return S_usage_error("date", "--ref '%s' is not a day (YYYY-MM-DD)", ref);
  if (!first || first >= argc) return S_usage_error("date", "no expression given%s", "");
  int status = AN_OK;
  for (int i = first; i < argc; i++) {
    an_phrase_result r;
    an_when w;
    if (an_phrase_resolve(argv[i], anchor.first, NULL, order, &r, err, sizeof err)) {
      printf("%s\t%s", r.value.edtf, an_precision_name(r.value.precision));
      if (explain) printf("\t%s", r.rule);
      putchar('\n');
    } else if (an_when_parse(argv[i], &w, NULL, 0) || an_when_parse(argv[i], &w, err, 0)) {
      printf("%s\t%s", w.edtf, an_precision_name(w.precision));
      if (explain) printf("\tan explicit EDTF value");
      putchar('\n');
    } else {
      fprintf(stderr, "annalist: date: %s\n", err);
      status = AN_ERR_INPUT;
    }
  }
  return status;
}

int main(int argc, char **argv) {
  /* libxml2 and libxslt allocate through alloc.h: out of memory ends the
   * same way everywhere (before any libxml2 call) */
  xmlMemSetup(free, an_xmalloc, an_xrealloc, an_xstrdup);
  int strict = 0, i = 1;
  for (; i < argc && argv[i][0] == '-'; i++) {
    const char *a = argv[i];
    if (S_is_help(a)) {
      fputs(S_USAGE, stdout);
      return AN_OK;
    } else if (!strcmp(a, "--version")) {
      printf("annalist %s\n", AN_VERSION);
      return AN_OK;
    } else if (!strcmp(a, "--strict")) {
      strict = 1;
    } else {
      return S_usage_error(NULL, "unknown option '%s'", a);
    }
  }
  if (i >= argc) {
    fputs(S_USAGE, stderr);
    return AN_ERR_USAGE;
  }
  const char *cmd = argv[i];
  if (!strcmp(cmd, "build")) return S_cmd_build(argc - i, argv + i, S_BUILD, strict);
  if (!strcmp(cmd, "check")) return S_cmd_build(argc - i, argv + i, S_CHECK, strict);
  if (!strcmp(cmd, "events")) return S_cmd_build(argc - i, argv + i, S_EVENTS, strict);
  if (!strcmp(cmd, "date")) return S_cmd_date(argc - i, argv + i);
  if (!strcmp(cmd, "init")) return S_cmd_init(argc - i, argv + i);
  if (!strcmp(cmd, "help")) {
    const char *t = i + 1 < argc ? argv[i + 1] : NULL;
    fputs(!t ? S_USAGE : !strcmp(t, "build") ? S_BUILD_HELP
                       : !strcmp(t, "check") ? S_CHECK_HELP
                       : !strcmp(t, "date") ? S_DATE_HELP
                       : !strcmp(t, "init") ? S_INIT_HELP
                       : !strcmp(t, "events") ? S_EVENTS_HELP : S_USAGE,
          stdout);
    return AN_OK;
  }
  return S_usage_error(NULL, "unknown command '%s' (build, check, events, date, init, help)", cmd);
}
