/* draw_list.c — appending commands to the flat draw list (see draw_list.h).
 *
 * Commands go into a fixed array and text bytes into a fixed arena owned by the list, so a frame
 * never allocates. When either fills up the command is dropped and `overflow` is set: that is a
 * bug in a screen (tests assert it never happens), not something the renderer has to cope with.
 * Text is copied NUL-terminated into the arena so the renderer and tests can use it as a C
 * string for the life of the frame; a reset wipes the bytes the last frame used. */
#include "ui/draw_list.h"

#include <stdio.h>
#include <string.h>

void sp_draw_reset(sp_draw_list *dl, sp_color clear)
{
    /* Wipe last frame's text so a signed-out student's words do not linger in memory. */
    memset(dl->arena, 0, dl->arena_used <= SP_DRAW_TEXT_ARENA ? dl->arena_used : SP_DRAW_TEXT_ARENA);
    dl->count = 0;
    dl->arena_used = 0;
    dl->overflow = false;
    dl->clear = clear;
}

static sp_draw_cmd *push(sp_draw_list *dl, sp_cmd_kind kind, sp_rect r, sp_color c)
{
    if (dl->count >= SP_DRAW_MAX_COMMANDS) {
        dl->overflow = true;
        return NULL;
    }
    sp_draw_cmd *cmd = &dl->cmds[dl->count++];
    memset(cmd, 0, sizeof *cmd);
    cmd->kind = kind;
    cmd->rect = r;
    cmd->color = c;
    return cmd;
}

void sp_draw_rect(sp_draw_list *dl, sp_rect r, sp_color c, int radius)
{
    sp_draw_cmd *cmd = push(dl, SP_CMD_RECT, r, c);
    if (cmd)
        cmd->radius = radius;
}

void sp_draw_frame(sp_draw_list *dl, sp_rect r, sp_color c, int thickness)
{
    sp_draw_cmd *cmd = push(dl, SP_CMD_FRAME, r, c);
    if (cmd)
        cmd->thickness = thickness;
}

void sp_draw_line(sp_draw_list *dl, int x1, int y1, int x2, int y2, sp_color c, int thickness)
{
    sp_draw_cmd *cmd = push(dl, SP_CMD_LINE, (sp_rect){x1, y1, x2 - x1, y2 - y1}, c);
    if (cmd)
        cmd->thickness = thickness;
}

void sp_draw_circle(sp_draw_list *dl, sp_rect r, sp_color c) { push(dl, SP_CMD_CIRCLE, r, c); }

void sp_draw_text(sp_draw_list *dl, sp_rect r, const char *text, size_t len, int size, sp_font_style style,
                  sp_align align, sp_color c, sp_text_role role)
{
    if (dl->arena_used + len + 1 > SP_DRAW_TEXT_ARENA || dl->count >= SP_DRAW_MAX_COMMANDS) {
        dl->overflow = true;
        return;
    }
    char *copy = dl->arena + dl->arena_used;
    memcpy(copy, text, len);
    copy[len] = 0;
    dl->arena_used += len + 1;
    sp_draw_cmd *cmd = push(dl, SP_CMD_TEXT, r, c);
    cmd->text = copy;
    cmd->size = size;
    cmd->style = style;
    cmd->align = align;
    cmd->role = role;
}

void sp_draw_icon(sp_draw_list *dl, sp_rect r, const char *icon, sp_color c)
{
    sp_draw_cmd *cmd = push(dl, SP_CMD_ICON, r, c);
    if (cmd)
        cmd->icon = icon; /* icon names are string literals: they outlive the frame */
}

void sp_draw_clip(sp_draw_list *dl, sp_rect r) { push(dl, SP_CMD_CLIP, r, (sp_color){0, 0, 0, 0}); }

/* The next text command after i, or NULL. */
static const sp_draw_cmd *next_text(const sp_draw_list *dl, size_t *i)
{
    for ((*i)++; *i < dl->count; (*i)++)
        if (dl->cmds[*i].kind == SP_CMD_TEXT)
            return &dl->cmds[*i];
    return NULL;
}

void sp_draw_keep_ltr(sp_draw_list *dl, size_t first, sp_rect box)
{
    for (size_t i = first; i < dl->count; i++)
        if (dl->cmds[i].ltr_box.w == 0)
            dl->cmds[i].ltr_box = box;
}

void sp_draw_mirror(sp_draw_list *dl, int width)
{
    for (size_t i = 0; i < dl->count; i++) {
        sp_draw_cmd *c = &dl->cmds[i];
        if (c->kind == SP_CMD_CLIP && c->rect.w == 0)
            continue;
        if (c->ltr_box.w > 0) { /* the block moves, its inside stays left to right */
            c->rect.x += sp_mirror_x(c->ltr_box, width) - c->ltr_box.x;
            continue;
        }
        if (c->kind == SP_CMD_LINE) {
            c->rect.x = width - c->rect.x;
            c->rect.w = -c->rect.w;
            continue;
        }
        c->rect.x = sp_mirror_x(c->rect, width);
        if (c->kind == SP_CMD_TEXT && c->align != SP_ALIGN_CENTER)
            c->align = c->align == SP_ALIGN_LEFT ? SP_ALIGN_RIGHT : SP_ALIGN_LEFT;
        if (c->kind == SP_CMD_ICON && c->icon && strcmp(c->icon, "back") == 0)
            c->mirrored = !c->mirrored;
    }
}

const sp_draw_cmd *sp_draw_find_text(const sp_draw_list *dl, const char *needle)
{
    for (size_t i = 0; i < dl->count; i++) {
        const sp_draw_cmd *cmd = &dl->cmds[i];
        if (cmd->kind == SP_CMD_TEXT && cmd->text && strstr(cmd->text, needle))
            return cmd;
    }
    /* A text wrapped onto several lines: the lines that follow one another (same left edge and
     * size, each just under the last) are read as one, joined by spaces; the first line is the
     * one returned. */
    char joined[2048];
    for (size_t i = 0; i < dl->count; i++) {
        const sp_draw_cmd *first = &dl->cmds[i];
        if (first->kind != SP_CMD_TEXT || !first->text)
            continue;
        size_t n = (size_t)snprintf(joined, sizeof joined, "%s", first->text);
        const sp_draw_cmd *prev = first;
        size_t j = i;
        const sp_draw_cmd *c;
        while (n < sizeof joined - 1 && (c = next_text(dl, &j)) && c->rect.x == prev->rect.x &&
               c->size == prev->size && c->rect.y == prev->rect.y + prev->rect.h) {
            n += (size_t)snprintf(joined + n, sizeof joined - n, " %s", c->text);
            if (n >= sizeof joined)
                n = sizeof joined - 1;
            if (strstr(joined, needle))
                return first;
            prev = c;
        }
    }
    return NULL;
}

bool sp_draw_contains_text(const sp_draw_list *dl, const char *needle) { return sp_draw_find_text(dl, needle) != NULL; }
