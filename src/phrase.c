/* phrase.c - where a word boundary of display text still splits a phrase: after a verb that
 * takes an object (走进 / 江城), and between a date and the particle that goes with it (1月15日
 * / 起). The words come from ICU (segment.c); ICU gives no parts of speech, so the verbs are a
 * table of the verbs headlines open a phrase with. A verb missing here only loses the
 * preference; one that is also a noun (建设, 改造) is left out, since a break after a noun
 * subject is a good one. */
#include "phrase.h"
#include <string.h>

static const char *const verbs[] = {
    "走进", "走入", "走访", "走向", "走出", "迈向", "迈入", "迎来", "迎接", "迎",   "让",
    "开展", "召开", "举办", "举行", "推进", "推动", "启动", "发布", "出台", "印发", "实施",
    "加快", "加强", "打造", "助力", "聚焦", "深化", "落实", "破解", "考察", "看望", "慰问",
    "部署", "签署", "进入", "开通", "建成", "新建", "新增", "完成", "实现", "突破", "创下",
    "刷新", "亮相", "登上", "获得", "荣获", "入选", "点亮", "守护", "织密", "筑牢", "擦亮",
    "提升", "关爱", "瞄准", "抓好", "做好", "共建", "共享", NULL};

bool
phrase_verb(const char *text, int len)
{
	for (int i = 0; verbs[i]; i++)
		if ((int)strlen(verbs[i]) == len && memcmp(verbs[i], text, (size_t)len) == 0)
			return true;
	return false;
}

bool
phrase_date_unit(gunichar c)
{
	return c && g_utf8_strchr("年月日号时分秒点天周", -1, c) != NULL;
}

bool
phrase_date_particle(gunichar c)
{
	return c && g_utf8_strchr("起前后止以来内", -1, c) != NULL;
}
