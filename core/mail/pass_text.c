/* pass_text.c - what one mail pass queued and sent, as JSON and as text. */
#include "mail.h"

#include <math.h>
#include <time.h>

#include "timestamp.h"
#include "render/json.h"

int sw_mail_pass_json(const struct sw_mail_plan *p, const struct sw_outbox_tally *t,
                      int dry_run, struct sw_buf *out, struct sw_errors *errs)
{
    struct sw_json j;
    char now[21] = "";
    sw_utc_format((time_t)floor(p->setup->now), now);
    sw_json_init(&j, out);
    sw_json_begin_object(&j);
    sw_json_key(&j, "now");
    sw_json_string(&j, now);
    sw_json_key(&j, "dry_run");
    sw_json_bool(&j, dry_run);
    sw_json_key(&j, "queued");
    sw_json_begin_array(&j);
    for (size_t i = 0; i < p->n; i++) {
        const struct sw_mail *m = &p->items[i];
        if (!m->queued)
            continue;
        sw_json_begin_object(&j);
        sw_json_key(&j, "kind");
        sw_json_string(&j, m->kind);
        sw_json_key(&j, "to");
        sw_json_string(&j, m->to);
        if (m->card) {
            sw_json_key(&j, "card");
            sw_json_string(&j, m->card);
            sw_json_key(&j, "k");
            sw_json_integer(&j, m->k);
        }
        if (m->candidate) {
            sw_json_key(&j, "candidate");
            sw_json_string(&j, m->candidate);
        }
        sw_json_end_object(&j);
    }
    sw_json_end_array(&j);
    sw_json_key(&j, "sent");
    sw_json_integer(&j, (long long)t->sent);
    sw_json_key(&j, "waiting");
    sw_json_integer(&j, (long long)t->waiting);
    sw_json_key(&j, "failed");
    sw_json_integer(&j, (long long)t->failed);
    sw_json_end_object(&j);
    sw_buf_addc(out, '\n');
    return out->failed ? sw_buf_fail(out, errs, "report") : 0;
}

int sw_mail_pass_text(const struct sw_mail_plan *p, const struct sw_outbox_tally *t,
                      int dry_run, struct sw_buf *out, struct sw_errors *errs)
{
    const char *verb = dry_run ? "would queue" : "queued";
    for (size_t i = 0; i < p->n; i++) {
        const struct sw_mail *m = &p->items[i];
        if (!m->queued)
            continue;
        if (m->card)
            sw_buf_addf(out, "%s reminder %ld to %s: %s\n", verb, m->k, m->to, m->card);
        else if (m->candidate)
            sw_buf_addf(out, "%s packet to %s: %s\n", verb, m->to, m->candidate);
        else
            sw_buf_addf(out, "%s %s to %s\n", verb, m->kind, m->to);
    }
    sw_buf_addf(out, "sent %zu, waiting %zu, failed %zu\n", t->sent, t->waiting, t->failed);
    return out->failed ? sw_buf_fail(out, errs, "report") : 0;
}
