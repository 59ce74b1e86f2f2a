// Debian builds libxml2 with ICU; its headers would pull ICU's C headers, which clash with the copy inside
// Foundation. libxml2 only needs the UConverter type name from them, so declare it and skip the header.
#define UCNV_H
typedef struct UConverter UConverter;
typedef unsigned short UChar;
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlerror.h>

// xmlFree is a global function pointer; Swift 6 rejects touching mutable globals.
static inline void herald_xml_free(void *pointer) { xmlFree(pointer); }
