/* rules.c — reading and evaluating if/then conditions (see rules.h).
 *
 * Parsing lowercases the words, drops punctuation and filler words ("the", "is", "line", "for"),
 * turns spelled-out numbers (two, three ...) into digits, and then matches the word list against
 * the vocabulary's shapes. A shape must consume every word, except that "below VALUE" / "above
 * VALUE" may be followed by unit words without digits ("below 92% attendance"): a sentence with a
 * second number ("below 2 for 3 checks") is more than the vocabulary says and stays free text. */
#include "rules.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_WORDS 24
#define WORD_LEN 32
#define MAX_CHECKS 50
#define MAX_DAYS 366

typedef struct {
    char w[MAX_WORDS][WORD_LEN];
    int n;
} words;

static bool is_filler(const char *w)
{
    static const char *const FILLERS[] = {"if", "the", "is", "are", "line", "light", "turns", "goes", "gets",
                                          "for",  "stays", "has", "been", "it", "student", "student's", NULL};
    for (int i = 0; FILLERS[i]; i++)
        if (strcmp(w, FILLERS[i]) == 0)
            return true;
    return false;
}

static const char *spelled_number(const char *w)
{
    static const char *const NUM[] = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"};
    static const char *const DIG[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "10"};
    for (int i = 0; i < 10; i++)
        if (strcmp(w, NUM[i]) == 0)
            return DIG[i];
    return w;
}

/* false when the text has too many or too long words to be a vocabulary condition */
static bool split(const char *text, words *out)
{
    out->n = 0;
    const char *p = text;
    while (*p) {
        while (*p && !(isalnum((unsigned char)*p) || *p == '.' || *p == '%' || *p == '-' || *p == '\'' ||
                       (unsigned char)*p >= 0x80))
            p++;
        if (!*p)
            break;
        char w[WORD_LEN];
        size_t len = 0;
        while (*p && (isalnum((unsigned char)*p) || *p == '.' || *p == '%' || *p == '-' || *p == '\'' ||
                      (unsigned char)*p >= 0x80)) {
            if (len + 1 >= sizeof w)
                return false;
            w[len++] = (char)tolower((unsigned char)*p);
            p++;
        }
        while (len && (w[len - 1] == '.' || w[len - 1] == '-' || w[len - 1] == '\''))
            len--; /* a full stop ends the sentence, not the number */
        w[len] = 0;
        if (!len || is_filler(w))
            continue;
        if (out->n == MAX_WORDS)
            return false;
        snprintf(out->w[out->n++], WORD_LEN, "%s", spelled_number(w));
    }
    return true;
}

/* A whole number 1..max. */
static bool whole(const char *w, int max, int *out)
{
    char *end;
    if (!isdigit((unsigned char)*w))
        return false;
    long v = strtol(w, &end, 10);
    if (*end || v < 1 || v > max)
        return false;
    *out = (int)v;
    return true;
}

/* A number with an optional % sign ("92", "92%", "2.5"). */
static bool number(const char *w, double *out)
{
    char *end;
    if (!(isdigit((unsigned char)*w) || ((*w == '-' || *w == '.') && isdigit((unsigned char)w[1]))))
        return false;
    double v = strtod(w, &end);
    if (end == w || (*end && strcmp(end, "%") != 0) || !isfinite(v))
        return false;
    *out = v;
    return true;
}

static bool has_digit(const char *w)
{
    for (; *w; w++)
        if (isdigit((unsigned char)*w))
            return true;
    return false;
}

static bool eq(const words *ws, int i, const char *w) { return i < ws->n && strcmp(ws->w[i], w) == 0; }

/* Consumes "in a row" / "running" / "consecutive" / "straight" at i; returns the next index. */
static int skip_in_a_row(const words *ws, int i)
{
    if (eq(ws, i, "in") && eq(ws, i + 1, "a") && eq(ws, i + 2, "row"))
        return i + 3;
    if (eq(ws, i, "running") || eq(ws, i, "consecutive") || eq(ws, i, "straight"))
        return i + 1;
    return i;
}

static bool is_count_word(const char *w)
{
    return strcmp(w, "checks") == 0 || strcmp(w, "check") == 0 || strcmp(w, "times") == 0 ||
           strcmp(w, "time") == 0 || strcmp(w, "points") == 0 || strcmp(w, "point") == 0 ||
           strcmp(w, "measurements") == 0 || strcmp(w, "data") == 0 || strcmp(w, "weeks") == 0 ||
           strcmp(w, "week") == 0 || strcmp(w, "sessions") == 0;
}

static bool is_below(const words *ws, int i, int *next)
{
    if (eq(ws, i, "below") || eq(ws, i, "under") || eq(ws, i, "misses") || eq(ws, i, "missed")) {
        *next = i + 1;
        return true;
    }
    if (eq(ws, i, "less") && eq(ws, i + 1, "than")) {
        *next = i + 2;
        return true;
    }
    return false;
}

static bool is_above(const words *ws, int i, int *next)
{
    if (eq(ws, i, "above") || eq(ws, i, "over")) {
        *next = i + 1;
        return true;
    }
    if (eq(ws, i, "more") && eq(ws, i + 1, "than")) {
        *next = i + 2;
        return true;
    }
    return false;
}

/* "below aim N checks in a row", "below aim for N checks", "N checks in a row below aim",
 * "below aim" (one check). */
static bool parse_below_aim(const words *ws, int *n)
{
    int i = 0, count = 1;
    bool got_count = false;
    if (whole(ws->w[0], MAX_CHECKS, &count)) { /* N [consecutive] checks [in a row] below aim [in a row] */
        got_count = true;
        i = skip_in_a_row(ws, 1);
        if (i >= ws->n || !is_count_word(ws->w[i]))
            return false;
        i = skip_in_a_row(ws, i + 1);
    }
    int after;
    if (!is_below(ws, i, &after) || !eq(ws, after, "aim"))
        return false;
    i = after + 1;
    if (!got_count && i < ws->n) {
        i = skip_in_a_row(ws, i);
        if (i < ws->n && whole(ws->w[i], MAX_CHECKS, &count)) {
            i = skip_in_a_row(ws, i + 1);
            if (i < ws->n && is_count_word(ws->w[i]))
                i++;
        }
    }
    i = skip_in_a_row(ws, i);
    if (i != ws->n)
        return false;
    *n = count;
    return true;
}

/* "no data for N days", "no new data for 2 weeks", "no check in 10 days" */
static bool parse_no_data(const words *ws, int *days)
{
    int i = 0;
    if (!eq(ws, 0, "no"))
        return false;
    i = 1;
    if (eq(ws, i, "new"))
        i++;
    if (!(eq(ws, i, "data") || eq(ws, i, "checks") || eq(ws, i, "check") || eq(ws, i, "measurements")))
        return false;
    i++;
    if (eq(ws, i, "in") || eq(ws, i, "within"))
        i++;
    int count;
    if (i >= ws->n || !whole(ws->w[i], MAX_DAYS, &count))
        return false;
    i++;
    int mult;
    if (eq(ws, i, "days") || eq(ws, i, "day"))
        mult = 1;
    else if (eq(ws, i, "weeks") || eq(ws, i, "week"))
        mult = 7;
    else
        return false;
    if (i + 1 != ws->n || count * mult > MAX_DAYS)
        return false;
    *days = count * mult;
    return true;
}

/* "below 92%", "attendance below 92%", "less than 2 rubric points", "above 6 prompts a day" */
static bool parse_value(const words *ws, sp_condition *c)
{
    int next = 0;
    sp_cond_kind kind = SP_COND_FREE_TEXT;
    /* a few words naming what is measured may come first: "attendance below 92%" */
    for (int i = 0; i < ws->n && kind == SP_COND_FREE_TEXT; i++) {
        if (is_below(ws, i, &next))
            kind = SP_COND_BELOW_VALUE;
        else if (is_above(ws, i, &next))
            kind = SP_COND_ABOVE_VALUE;
        else if (has_digit(ws->w[i]) || eq(ws, i, "aim") || eq(ws, i, "not") || eq(ws, i, "no") ||
                 eq(ws, i, "never"))
            return false;
    }
    if (kind == SP_COND_FREE_TEXT)
        return false;
    double v;
    if (next >= ws->n || !number(ws->w[next], &v))
        return false;
    for (int k = next + 1; k < ws->n; k++)
        if (has_digit(ws->w[k]) || strcmp(ws->w[k], "aim") == 0)
            return false;
    c->kind = kind;
    c->value = v;
    return true;
}

sp_condition sp_condition_parse(const char *text)
{
    sp_condition c = {SP_COND_FREE_TEXT, 0, 0};
    words ws;
    if (!text || !split(text, &ws) || ws.n == 0)
        return c;
    int n;
    if (ws.n == 1 && strcmp(ws.w[0], "red") == 0) {
        c.kind = SP_COND_RED;
    } else if ((ws.n == 2 && eq(&ws, 0, "past") && eq(&ws, 1, "due")) ||
               (ws.n == 3 && eq(&ws, 0, "past") && eq(&ws, 1, "due") && eq(&ws, 2, "date")) ||
               (ws.n == 1 && eq(&ws, 0, "overdue"))) {
        c.kind = SP_COND_PAST_DUE;
    } else if (parse_below_aim(&ws, &n)) {
        c.kind = SP_COND_BELOW_AIM;
        c.n = n;
    } else if (parse_no_data(&ws, &n)) {
        c.kind = SP_COND_NO_DATA;
        c.n = n;
    } else {
        parse_value(&ws, &c);
    }
    return c;
}

static void format_number(double v, char *out, size_t len)
{
    snprintf(out, len, "%.4g", v);
}

void sp_condition_words(const sp_condition *c, char *out, size_t len)
{
    char v[32];
    switch (c->kind) {
    case SP_COND_BELOW_AIM:
        if (c->n == 1)
            snprintf(out, len, "below aim at the latest check");
        else
            snprintf(out, len, "below aim %d checks in a row", c->n);
        return;
    case SP_COND_RED:
        snprintf(out, len, "red");
        return;
    case SP_COND_NO_DATA:
        snprintf(out, len, "no data for %d day%s", c->n, c->n == 1 ? "" : "s");
        return;
    case SP_COND_BELOW_VALUE:
        format_number(c->value, v, sizeof v);
        snprintf(out, len, "latest check below %s", v);
        return;
    case SP_COND_ABOVE_VALUE:
        format_number(c->value, v, sizeof v);
        snprintf(out, len, "latest check above %s", v);
        return;
    case SP_COND_PAST_DUE:
        snprintf(out, len, "past due");
        return;
    case SP_COND_FREE_TEXT:
        break;
    }
    snprintf(out, len, "free text");
}

const char *sp_condition_kind_name(sp_cond_kind k)
{
    switch (k) {
    case SP_COND_BELOW_AIM:
        return "below-aim";
    case SP_COND_RED:
        return "red";
    case SP_COND_NO_DATA:
        return "no-data";
    case SP_COND_BELOW_VALUE:
        return "below-value";
    case SP_COND_ABOVE_VALUE:
        return "above-value";
    case SP_COND_PAST_DUE:
        return "past-due";
    case SP_COND_FREE_TEXT:
        break;
    }
    return "free-text";
}

bool sp_condition_holds(const sp_condition *c, const sp_goal *g, const sp_point *pts, size_t n, bool met,
                        int acted_day, int today)
{
    /* the checks since the rule was last acted on (and of the current phase) */
    if (g->has_phase && acted_day < g->phase_day - 1)
        acted_day = g->phase_day - 1;
    size_t from = 0;
    while (from < n && pts[from].day <= acted_day)
        from++;
    const sp_point *fresh = pts + from;
    size_t nfresh = n - from;

    switch (c->kind) {
    case SP_COND_BELOW_AIM:
    case SP_COND_RED: {
        /* judged against the whole milestone's baseline, counting only fresh checks */
        sp_goal judged = *g;
        if (!judged.has_baseline) {
            if (!sp_baseline_from_data(pts, n, today, &judged.baseline))
                return false;
            judged.has_baseline = true;
        }
        if (c->kind == SP_COND_RED)
            return sp_progress_evaluate(&judged, fresh, nfresh, today).light == SP_LIGHT_RED;
        int misses = 0;
        for (size_t i = nfresh; i > 0 && !sp_meets_aim(&judged, judged.baseline, fresh[i - 1]); i--)
            misses++;
        return misses >= c->n;
    }
    case SP_COND_NO_DATA: {
        int last = n ? pts[n - 1].day : g->start_day;
        if (acted_day > last)
            last = acted_day;
        return today - last >= c->n;
    }
    case SP_COND_BELOW_VALUE:
        return nfresh && fresh[nfresh - 1].value < c->value;
    case SP_COND_ABOVE_VALUE:
        return nfresh && fresh[nfresh - 1].value > c->value;
    case SP_COND_PAST_DUE:
        return today > g->due_day && !met && acted_day <= g->due_day;
    case SP_COND_FREE_TEXT:
        break;
    }
    return false;
}
