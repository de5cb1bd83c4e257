/* yearsite.c - see yearsite.h. */
#include "yearsite.h"

#include <stdlib.h>

#include "alloc.h"
#include "annotate.h" /* an_valid_id */
#include "pages.h"
#include "xml.h"

/* The overview, at the site root, from its slice. */
static int S_overview(an_views *v, an_site *site, const an_slicer *slicer,
                      an_diags *d) {
  xmlDocPtr slice = an_slice(slicer, AN_SLICE_TIMELINE, "timeline");
  if (!slice) {
    an_diag_add(d, AN_ERROR, "timeline.html", 0, 0, "no chronology in the model");
    return 0;
  }
  const char *params[] = {"root", "", NULL};
  int ok = an_page_write(v, site, "timeline", slice, params, "timeline.html", d);
  xmlFreeDoc(slice);
  return ok;
}

int an_yearsite_write(an_views *v, an_site *site, xmlDocPtr model,
                      const an_slicer *slicer, an_diags *d) {
  xmlNodePtr root = model ? xmlDocGetRootElement(model) : NULL;
  if (!an_xml_is(root, "briefing")) return 0;
  int ok = S_overview(v, site, slicer, d);

  /* a page per year, in time order, then the undated events (the ids
   * become file names: a year that is not a valid id has no page) */
  an_page_list pages = {0};
  xmlNodePtr chron = an_xml_first(root, "chronology");
  for (xmlNodePtr c = chron ? chron->children : NULL; c; c = c->next) {
    char *id = an_xml_is(c, "year")      ? an_xml_prop(c, "value")
               : an_xml_is(c, "undated") ? an_xstrdup("undated")
                                         : NULL;
    if (id && an_valid_id(id)) an_page_list_add(&pages, "year", AN_SLICE_YEAR, "timeline", id);
    free(id);
  }
  if (ok) ok = an_pages_write(v, site, slicer, pages.v, pages.n, NULL, d);
  an_page_list_free(&pages);
  return ok;
}
