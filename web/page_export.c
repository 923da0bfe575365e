/* page_export.c - /r/REQ/export.xlsx: the committee workbook of `export`
 * (xlsx.h), with ?anonymize=1 as --anonymize. Written by core into a
 * private temporary folder, read back whole and sent, the folder removed. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analysis.h"
#include "document.h"
#include "files.h"
#include "log.h"
#include "xlsx.h"
#include "web.h"

#define XLSX_TYPE "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

/* Writes the workbook of snap to a temporary file and appends its bytes to
 * out. 0, or -1 with errors. */
static int workbook_bytes(const struct sw_req_snapshot *snap, const char *req, int anonymize,
                          struct sw_buf *out, struct sw_errors *errs)
{
    const char *tmp = getenv("TMPDIR");
    char dir[4096], path[4200];
    snprintf(dir, sizeof dir, "%s/scorewheel-export-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(dir))
        return sw_error_add(errs, SW_ESYSTEM, dir, 0, "cannot create a temporary folder");
    snprintf(path, sizeof path, "%s/%s.xlsx", dir, req);
    struct sw_xlsx_options opt = SW_XLSX_OPTIONS_INIT;
    opt.requisition = req;
    opt.anonymize = anonymize;
    opt.tmpdir = dir;
    int rc = sw_xlsx_write(snap->aggregate, path, &opt, NULL, errs);
    size_t len = 0;
    char *data = rc == 0 ? sw_read_file(path, SIZE_MAX, "a workbook", &len, errs) : NULL;
    if (data)
        sw_buf_add(out, data, len);
    else
        rc = -1;
    free(data);
    unlink(path);
    rmdir(dir);
    return rc == 0 && !out->failed ? 0 : -1;
}

static void send_workbook(struct web_ctx *c, const struct sw_req_snapshot *snap)
{
    const char *anon = web_param(&c->query, "anonymize");
    struct sw_errors errs;
    sw_errors_init(&errs);
    sw_buf_reset(&c->reply.body);
    if (workbook_bytes(snap, c->path.seg[1], anon && strcmp(anon, "1") == 0, &c->reply.body,
                       &errs) == 0) {
        c->reply.status = 200;
        c->reply.type = XLSX_TYPE;
    } else {
        web_log_errors(&errs, "export");
        web_message(c, 500, "Error", "The workbook could not be written.");
    }
    sw_errors_release(&errs);
}

void web_page_export(struct web_ctx *c)
{
    static const struct web_analysis page = { .page = WEB_PAGE_EXPORT, .reply = send_workbook };
    web_analysis_page(c, &page);
}
