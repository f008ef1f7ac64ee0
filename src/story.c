/* story.c - reading story files: a key: value header, then blank-line separated paragraphs. */
#include "story.h"
#include "i18n.h"
#include "suggest.h"
#include "textfile.h"
#include <string.h>

static const char *const kind_names[PARA_KIND_COUNT] = {
    "rubric", "kicker", "headline", "subhead", "byline", "body", "inner-subhead", "label",
};

/* header keys and their Chinese aliases */
static const struct {
	const char *key;
	ParaKind kind;
} header_keys[] = {
    {"rubric", PARA_RUBRIC},   {"栏目", PARA_RUBRIC},       {"kicker", PARA_KICKER},
    {"引题", PARA_KICKER},     {"headline", PARA_HEADLINE}, {"主题", PARA_HEADLINE},
    {"subhead", PARA_SUBHEAD}, {"副题", PARA_SUBHEAD},      {"byline", PARA_BYLINE},
    {"署名", PARA_BYLINE},
};

const char *
story_kind_name(ParaKind k)
{
	return kind_names[k];
}

void
story_free(Story *s)
{
	if (!s)
		return;
	for (int i = 0; i < s->n; i++) {
		g_free(s->paras[i].text);
		g_free(s->paras[i].segs);
	}
	g_free(s->paras);
	g_free(s->file);
	g_free(s);
}

const char *
story_get(const Story *s, ParaKind k)
{
	for (int i = 0; i < s->n; i++)
		if (s->paras[i].kind == k)
			return s->paras[i].text;
	return NULL;
}

void
story_para_locate(const StoryPara *p, gsize offset, int *line, int *col)
{
	StorySeg at = {0, p->line, p->col};
	for (int i = 0; i < p->nsegs && (gsize)p->segs[i].offset <= offset; i++)
		at = p->segs[i];
	*line = at.line;
	*col = at.col + (int)g_utf8_strlen(p->text + at.offset, (gssize)offset - at.offset);
}

static void
add_para(GArray *paras, ParaKind kind, const char *text, int line, int col)
{
	StoryPara p = {kind, g_strdup(text), line, col, NULL, 0};
	g_array_append_val(paras, p);
}

/* Split "key: value" (ASCII or full-width colon). Returns the key length or 0. */
static gsize
split_key(const char *line, const char **value)
{
	const char *colon = strstr(line, ":");
	const char *wide = strstr(line, "：");
	const char *sep = colon;
	gsize seplen = 1;
	if (wide && (!colon || wide < colon)) {
		sep = wide;
		seplen = strlen("：");
	}
	if (!sep || sep == line)
		return 0;
	for (const char *p = line; p < sep; p++)
		if (*p == ' ' || *p == '\t')
			return 0;
	*value = sep + seplen;
	while (**value == ' ' || **value == '\t')
		(*value)++;
	return (gsize)(sep - line);
}

/* The dateline (电头: 本报讯（记者 周晓彤）, 新华社北京11月27日电) is no paragraph of its own: a
 * news story runs it into the start of its first body paragraph (run_in_dateline). */
#define HEAD_DATELINE PARA_KIND_COUNT

static bool
is_dateline_key(const char *key, gsize len)
{
	return (len == strlen("dateline") && strncmp(key, "dateline", len) == 0) ||
	       (len == strlen("电头") && strncmp(key, "电头", len) == 0);
}

static int
header_kind(const char *key, gsize len)
{
	if (is_dateline_key(key, len))
		return HEAD_DATELINE;
	for (size_t i = 0; i < G_N_ELEMENTS(header_keys); i++)
		if (strlen(header_keys[i].key) == len && strncmp(header_keys[i].key, key, len) == 0)
			return (int)header_keys[i].kind;
	return -1;
}

static gboolean
is_latin_end(const char *s, gsize len)
{
	const char *last = len ? g_utf8_find_prev_char(s, s + len) : NULL;
	return last && g_unichar_isalnum(g_utf8_get_char(last)) && g_utf8_get_char(last) < 0x2e80;
}

/* Join a paragraph's lines: no space between CJK, one space where Latin meets Latin. */
static void
join_line(GString *para, const char *line)
{
	gunichar first = g_utf8_get_char(line);
	if (para->len > 0 && is_latin_end(para->str, para->len) && g_unichar_isalnum(first) &&
	    first < 0x2e80)
		g_string_append_c(para, ' ');
	g_string_append(para, line);
}

static bool
is_label(const char *t)
{
	gsize n = strlen(t);
	const char *open = "【", *close = "】";
	return g_str_has_prefix(t, open) && g_str_has_suffix(t, close) &&
	       n > strlen(open) + strlen(close) && !strstr(t + strlen(open), open) &&
	       g_utf8_strlen(t, -1) <= 8;
}

static void
end_para(GArray *paras, GString *para, GArray *segs, int line, int col)
{
	if (para->len == 0)
		return;
	if (g_str_has_prefix(para->str, "## ")) {
		char *t = g_strchug(para->str + 3);
		add_para(paras, PARA_INNER_SUBHEAD, g_strchomp(t), line,
		         col + (int)g_utf8_strlen(para->str, t - para->str));
	} else {
		StoryPara *p;
		add_para(paras, is_label(para->str) ? PARA_LABEL : PARA_BODY, para->str, line, col);
		p = &g_array_index(paras, StoryPara, paras->len - 1);
		if (segs->len > 0) {
			p->nsegs = (int)segs->len;
			p->segs = g_memdup2(segs->data, segs->len * sizeof(StorySeg));
		}
	}
	g_string_truncate(para, 0);
	g_array_set_size(segs, 0);
}

/* the header keys, for "did you mean" */
static const char *const key_names[] = {"rubric",   "栏目",    "kicker", "引题",   "headline",
                                        "主题",     "subhead", "副题",   "byline", "署名",
                                        "dateline", "电头",    NULL};
#define KEYS_HINT                                                                                          \
	_("header keys are rubric/栏目, kicker/引题, headline/主题, subhead/副题, byline/署名, " \
	  "dateline/电头; end the header with a blank line")

/* whether key is an ASCII word: letters and hyphens */
static bool
is_ascii_word(const char *key)
{
	for (const char *p = key; *p; p++)
		if (!g_ascii_isalpha(*p) && *p != '-')
			return false;
	return *key != '\0';
}

/* A first line "headlne: 标题" is no header, so the story is all body: a warning when its key
 * looks like a mistyped header key, for the header would otherwise silently become text. */
static void
warn_mistyped_key(const char *line, gsize klen, const char *file, Report *r)
{
	g_autofree char *key = g_strndup(line, klen);
	const char *best = is_ascii_word(key) ? suggest_best(key, key_names) : NULL;
	g_autofree char *hint = NULL;
	if (!best)
		return;
	hint = g_strdup_printf(_("did you mean '%s'? %s"), best, KEYS_HINT);
	report_warning(r, DIAG_INPUT, file, 1, 1, hint,
	               _("\"%s\" is not a header key, so the story has no header and its first "
	                 "lines are body text"),
	               report_clip(r, key));
}

static bool
read_header(char **lines, int *i, const char *file, GArray *head, Report *r)
{
	const char *value;
	gsize klen = split_key(g_strstrip(lines[0]), &value);
	bool seen[PARA_KIND_COUNT + 1] = {0};

	if (klen > 0 && header_kind(lines[0], klen) < 0)
		warn_mistyped_key(lines[0], klen, file, r);
	if (klen == 0 || header_kind(lines[0], klen) < 0)
		return true; /* no header: the file is all body */
	for (*i = 0; lines[*i] && *g_strstrip(lines[*i]); (*i)++) {
		int kind;
		klen = split_key(lines[*i], &value);
		kind = klen ? header_kind(lines[*i], klen) : -1;
		if (kind < 0) {
			g_autofree char *key = klen ? g_strndup(lines[*i], klen) : NULL;
			g_autofree char *hint =
			    key ? suggest_hint(key, key_names, KEYS_HINT) : g_strdup(KEYS_HINT);
			report_error(r, DIAG_INPUT, file, *i + 1, 1, hint,
			             _("unknown header line \"%s\""), report_clip(r, lines[*i]));
			return false;
		}
		if (seen[kind]) {
			report_error(r, DIAG_INPUT, file, *i + 1, 1, _("keep one line per key"),
			             _("%s given twice"),
			             kind == HEAD_DATELINE ? "dateline" : kind_names[kind]);
			return false;
		}
		seen[kind] = true;
		if (*value)
			add_para(head, (ParaKind)kind, value, *i + 1,
			         (int)g_utf8_strlen(lines[*i], value - lines[*i]) + 1);
	}
	return true;
}

/* The text as the parser reads it: without a byte-order mark, every line end (CR LF, LF, or CR
 * alone, as old Mac and some content systems write) as one LF, so that line numbers count
 * what an editor shows, and a tab as a space (a tab is white space, never a character to
 * draw). CR and tab are single bytes that never occur inside a UTF-8 sequence. */
static char *
normalize(const char *data, gsize len, gssize *out_len)
{
	char *text = g_malloc(len + 1), *o = text;
	gsize i = 0;
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	for (; i < len; i++) {
		char ch = data[i];
		if (ch == '\r') {
			if (i + 1 < len && data[i + 1] == '\n')
				continue;
			ch = '\n';
		} else if (ch == '\t') {
			ch = ' ';
		}
		*o++ = ch;
	}
	*o = '\0';
	*out_len = o - text;
	return text;
}

/* The lines of text, cut in place (each \n becomes \0) and chomped: one pointer array, not an
 * allocation per line (a 4 MB story may have 2 million lines). NULL-terminated. */
static char **
split_lines(char *text, gsize len)
{
	gsize n = 1, k = 0;
	char **lines;
	for (gsize i = 0; i < len; i++)
		n += text[i] == '\n';
	lines = g_new(char *, n + 1);
	lines[k++] = text;
	for (gsize i = 0; i < len; i++)
		if (text[i] == '\n') {
			text[i] = '\0';
			lines[k++] = text + i + 1;
		}
	lines[k] = NULL;
	for (k = 0; lines[k]; k++)
		g_strchomp(lines[k]);
	return lines;
}

static int
by_kind(gconstpointer a, gconstpointer b)
{
	return (int)((const StoryPara *)a)->kind - (int)((const StoryPara *)b)->kind;
}

/* A paragraph longer than any a newspaper prints is a content-system accident (a pasted blob, a
 * lost paragraph mark); refusing it keeps the composer's work proportional to real text. */
static bool
paras_within_limit(const char *file, const GArray *paras, gsize *chars, Report *r)
{
	*chars = 0;
	for (guint k = 0; k < paras->len; k++) {
		const StoryPara *p = &g_array_index(paras, StoryPara, k);
		glong n = g_utf8_strlen(p->text, -1);
		*chars += (gsize)n;
		if (n > STORY_MAX_PARA_CHARS) {
			report_error(
			    r, DIAG_INPUT, file, p->line, 1,
			    _("break it into paragraphs, with a blank line between them"),
			    _("a paragraph of %ld characters, more than the %d a paragraph "
			      "may have"),
			    n, STORY_MAX_PARA_CHARS);
			return false;
		}
	}
	return true;
}

static bool
ends_with_close(const char *t)
{
	return g_str_has_suffix(t, "）") || g_str_has_suffix(t, ")");
}

/* Run the dateline into the first body paragraph: 本报讯（全媒体记者周晓彤）2026年11月27日…,
 * after the paragraph's indent, as a news story prints it (新华社北京11月27日电 记者…: with a
 * space after a dateline that does not end with a bracket). Where each part came from in the
 * file stays known (a segment at the join). A story without body text keeps the dateline as
 * its only body paragraph. */
static void
run_in_dateline(GArray *paras)
{
	StoryPara *d = NULL, *b = NULL;
	guint di = 0;
	for (guint k = 0; k < paras->len; k++) {
		StoryPara *p = &g_array_index(paras, StoryPara, k);
		if (p->kind == HEAD_DATELINE)
			d = p, di = k;
		else if (p->kind == PARA_BODY && !b)
			b = p;
	}
	if (!d)
		return;
	if (b) {
		/* 新华社北京11月27日电 记者…: a space after a dateline that does not end with its
		 * bracket (a space, not a blank character cell: a line may end there, and drops it)
		 */
		const char *gap = ends_with_close(d->text) ? "" : " ";
		char *text = g_strconcat(d->text, gap, b->text, NULL);
		int join = (int)(strlen(d->text) + strlen(gap)), n = b->nsegs + 1;
		StorySeg *segs = g_new(StorySeg, n);
		segs[0] = (StorySeg){join, b->line, b->col};
		for (int i = 0; i < b->nsegs; i++)
			segs[i + 1] =
			    (StorySeg){b->segs[i].offset + join, b->segs[i].line, b->segs[i].col};
		g_free(b->text);
		g_free(b->segs);
		*b = (StoryPara){PARA_BODY, text, d->line, d->col, segs, n};
		g_free(d->text);
		g_array_remove_index(paras, di);
	} else {
		d->kind = PARA_BODY;
	}
}

Story *
story_parse(const char *file, const char *data, gssize len, Report *r)
{
	g_autofree char **lines = NULL;
	g_autofree char *text = NULL;
	GArray *head, *paras;
	GString *para;
	GArray *segs;
	Story *s;
	int i = -1, start = 0, startcol = 1;
	gsize bytes, chars;

	if (len < 0)
		len = (gssize)strlen(data);
	bytes = (gsize)len;
	report_source(r, file, data, (gsize)len, true);
	text = normalize(data, (gsize)len, &len);
	if (!textfile_check_utf8(file, text, (gsize)len, r))
		return NULL;
	lines = split_lines(text, (gsize)len);
	head = g_array_new(FALSE, FALSE, sizeof(StoryPara));
	paras = g_array_new(FALSE, FALSE, sizeof(StoryPara));
	if (lines[0] && !read_header(lines, &i, file, head, r)) {
		for (guint k = 0; k < head->len; k++)
			g_free(g_array_index(head, StoryPara, k).text);
		g_array_free(head, TRUE);
		g_array_free(paras, TRUE);
		return NULL;
	}
	g_array_sort(head, by_kind); /* stable enough: one paragraph per kind */
	para = g_string_new(NULL);
	segs = g_array_new(FALSE, FALSE, sizeof(StorySeg));
	for (i = (i >= 0 && !lines[i]) ? i : i + 1; lines[i]; i++) {
		int lead = 1; /* the column of the line's first character after blanks */
		char *l;
		for (l = lines[i]; *l && g_ascii_isspace(*l); l++)
			lead++;
		l = g_strstrip(lines[i]);
		if (!*l) {
			end_para(paras, para, segs, start, startcol);
			continue;
		}
		if (g_str_has_prefix(l, "## ")) { /* a subhead is a paragraph of its own */
			end_para(paras, para, segs, start, startcol);
			g_string_append(para, l);
			end_para(paras, para, segs, i + 1, lead);
			continue;
		}
		if (para->len == 0) {
			start = i + 1;
			startcol = lead;
		}
		join_line(para, l);
		if (start != i + 1) { /* a further line of the paragraph */
			StorySeg seg = {(int)(para->len - strlen(l)), i + 1, lead};
			g_array_append_val(segs, seg);
		}
	}
	end_para(paras, para, segs, start, startcol);
	g_string_free(para, TRUE);
	g_array_free(segs, TRUE);
	g_array_append_vals(head, paras->data, paras->len);
	g_array_free(paras, TRUE);
	run_in_dateline(head);
	if (!paras_within_limit(file, head, &chars, r)) {
		for (guint k = 0; k < head->len; k++) {
			g_free(g_array_index(head, StoryPara, k).text);
			g_free(g_array_index(head, StoryPara, k).segs);
		}
		g_array_free(head, TRUE);
		return NULL;
	}
	s = g_new0(Story, 1);
	s->file = g_strdup(file);
	s->bytes = bytes;
	s->chars = chars;
	s->n = (int)head->len;
	s->paras = (StoryPara *)g_array_free(head, FALSE);
	return s;
}

Story *
story_load(const char *path, Report *r)
{
	g_autofree char *data = NULL;
	gsize len = 0;
	if (!textfile_read(path, STORY_MAX_BYTES, &data, &len, r))
		return NULL;
	return story_parse(path, data, (gssize)len, r);
}

void
story_dump(const Story *s, GString *out)
{
	g_string_append_printf(out, "story %s paras=%d\n", s->file, s->n);
	for (int i = 0; i < s->n; i++)
		g_string_append_printf(out, "  %d %s @%d \"%s\"\n", i, kind_names[s->paras[i].kind],
		                       s->paras[i].line, s->paras[i].text);
}
