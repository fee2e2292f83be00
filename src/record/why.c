/* Provenance queries (`shapeenv why`): which events made a guard, a
 * symbol's history or a source's binding what they are. The environment
 * must record events and keep provenance (se_env_set_provenance), so every
 * state write is attributed to the event that ran it. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "env/simplify.h"
#include "record/recorder.h"

/* One contributing event and what it changed that matters to the query. */
typedef struct why_event {
  int64_t index;
  se_vec changes; /* char * (malloc'd texts) */
} why_event;

typedef struct why {
  se_env *env;
  se_vec events;  /* why_event, kept sorted by index */
  se_vec matched; /* char *: what the query matched, texts */
} why;

static char *dupstr(const char *s) {
  size_t n = strlen(s) + 1;
  char *d = malloc(n);
  if (d) memcpy(d, s, n);
  return d;
}

static void why_free(why *w) {
  for (size_t i = 0; i < w->events.n; i++) {
    why_event *e = &SE_VEC_AT(&w->events, why_event, i);
    for (size_t k = 0; k < e->changes.n; k++) free(SE_VEC_AT(&e->changes, char *, k));
    se__vec_free(&e->changes);
  }
  for (size_t i = 0; i < w->matched.n; i++) free(SE_VEC_AT(&w->matched, char *, i));
  se__vec_free(&w->events);
  se__vec_free(&w->matched);
}

static char *expr_text(se_env *env, const se_expr *e) {
  char *s = e ? se_expr_str(env->ctx, e) : NULL;
  return s ? s : dupstr("None");
}

/* Adds change text (taken) to event index, keeping events sorted and
 * changes unique. */
static void add_change(why *w, int64_t index, char *text) {
  if (!text) return;
  size_t i = 0;
  while (i < w->events.n && SE_VEC_AT(&w->events, why_event, i).index < index) i++;
  if (i == w->events.n || SE_VEC_AT(&w->events, why_event, i).index != index) {
    why_event e = {index, {0}};
    se__vec_init(&e.changes, sizeof(char *));
    if (!se__vec_push(&w->events, &e)) {
      free(text);
      return;
    }
    /* rotate the new last element into place i */
    why_event last = SE_VEC_AT(&w->events, why_event, w->events.n - 1);
    memmove(&SE_VEC_AT(&w->events, why_event, i + 1), &SE_VEC_AT(&w->events, why_event, i),
            (w->events.n - 1 - i) * sizeof(why_event));
    SE_VEC_AT(&w->events, why_event, i) = last;
  }
  why_event *e = &SE_VEC_AT(&w->events, why_event, i);
  for (size_t k = 0; k < e->changes.n; k++)
    if (strcmp(SE_VEC_AT(&e->changes, char *, k), text) == 0) {
      free(text);
      return;
    }
  if (!se__vec_push(&e->changes, &text)) free(text);
}

static char *fmt2(const char *a, const char *b, const char *c, const char *d) {
  size_t n = strlen(a) + strlen(b) + strlen(c) + strlen(d) + 1;
  char *s = malloc(n);
  if (s) snprintf(s, n, "%s%s%s%s", a, b, c, d);
  return s;
}

/* The text of one provenance entry, or NULL when it is not worth showing. */
static char *describe(se_env *env, const se_prov *p) {
  se_ctx *ctx = env->ctx;
  char *k = NULL, *v = NULL, *r = NULL;
  if (p->field == &env->guards && p->op == SE_PROV_PUSH) {
    k = expr_text(env, SE_VEC_AT(&env->guards, se_guard, p->index).expr);
    r = fmt2("added guard ", k, "", "");
  } else if (p->field == &env->replacements && p->op == SE_PROV_PUT) {
    k = expr_text(env, p->key);
    v = expr_text(env, p->val.p);
    r = fmt2("replacement ", k, " -> ", v);
  } else if (p->field == &env->var_to_range && p->op == SE_PROV_PUT) {
    k = expr_text(env, p->key);
    v = se_range_str(ctx, *(const se_range *)p->val.p);
    r = fmt2("range of ", k, " is now ", v ? v : "?");
  } else if (p->field == &env->divisible && p->op == SE_PROV_PUT) {
    k = expr_text(env, p->key);
    r = fmt2("divisible: ", k, " == 0", "");
  } else if (p->field == &env->deferred_runtime_asserts && p->op == SE_PROV_PUT) {
    const se_ralist *l = p->val.p;
    k = p->key == &env->none_key ? dupstr("None") : expr_text(env, p->key);
    v = l && l->n ? expr_text(env, l->v[l->n - 1].expr) : dupstr("?");
    r = fmt2("runtime assert ", v, " (filed under ", k);
    if (r) {
      char *t = fmt2(r, ")", "", "");
      free(r);
      r = t;
    }
  } else if (p->field == &env->backed_var_to_val && p->op == SE_PROV_PUT) {
    k = expr_text(env, p->key);
    v = expr_text(env, p->val.p);
    r = fmt2("created ", k, " with hint ", v);
  } else if (p->field == &env->source_to_var && p->op == SE_PROV_PUT) {
    const se_source *src = p->key;
    v = expr_text(env, p->val.p);
    r = fmt2("source ", src->name, " bound to ", v);
  } else if (p->field == &env->size_like && p->op == SE_PROV_PUT) {
    k = expr_text(env, p->key);
    r = fmt2(k, " is size-like", "", "");
  } else if (p->field == &env->real_tensor_prop_unbacked_vals && p->op == SE_PROV_PUT) {
    k = expr_text(env, p->key);
    v = expr_text(env, p->val.p);
    r = fmt2("real value of ", k, " is ", v);
  } else if (p->field == &env->unbacked_inputs && p->op == SE_PROV_PUT) {
    k = expr_text(env, p->key);
    r = fmt2(k, " is an unbacked input", "", "");
  }
  free(k);
  se_free(v);
  return r;
}

/* Whether e mentions symbol s. */
static bool mentions(se_env *env, const se_expr *e, const se_expr *s) {
  if (!e) return false;
  if (e == s) return true;
  se__elist fs = {0};
  bool r = false;
  if (se__env_free_symbols(env->ctx, e, &fs)) r = se__elist_has(&fs, s);
  se__elist_free(&fs);
  return r;
}

/* Every provenance entry about symbol s. */
static void explain_symbol(why *w, const se_expr *s) {
  se_env *env = w->env;
  for (size_t i = 0; i < env->prov.n; i++) {
    const se_prov *p = &SE_VEC_AT(&env->prov, se_prov, i);
    bool about = false;
    if (p->op == SE_PROV_PUT || p->op == SE_PROV_DEL) {
      if (p->key == s) about = p->field != &env->axioms && p->field != &env->symbol_guard_counter;
      if (p->field == &env->source_to_var && p->val.p == s) about = true;
      if (p->field == &env->replacements && mentions(env, p->val.p, s)) about = true;
      if (p->field == &env->deferred_runtime_asserts) {
        const se_ralist *l = p->val.p;
        if (l && l->n && mentions(env, l->v[l->n - 1].expr, s)) about = true;
      }
    } else if (p->op == SE_PROV_PUSH && p->field == &env->guards) {
      about = mentions(env, SE_VEC_AT(&env->guards, se_guard, p->index).expr, s);
    }
    if (about) add_change(w, p->event, describe(env, p));
  }
}

/* Every event that set or narrowed the range of s: when a bound comes from
 * several guards, all of them contributed. */
static void explain_range(why *w, const se_expr *s) {
  se_env *env = w->env;
  for (size_t i = 0; i < env->prov.n; i++) {
    const se_prov *p = &SE_VEC_AT(&env->prov, se_prov, i);
    if (p->field == &env->var_to_range && p->op == SE_PROV_PUT && p->key == s)
      add_change(w, p->event, describe(env, p));
    if (p->field == &env->replacements && p->op == SE_PROV_PUT && p->key == s)
      add_change(w, p->event, describe(env, p));
  }
}

/* Everything event index did that describe() shows. */
static void event_changes(why *w, int64_t index) {
  se_env *env = w->env;
  for (size_t i = 0; i < env->prov.n; i++) {
    const se_prov *p = &SE_VEC_AT(&env->prov, se_prov, i);
    if (p->event == index) add_change(w, index, describe(env, p));
  }
}

static void push_matched(why *w, char *text) {
  if (text && !se__vec_push(&w->matched, &text)) free(text);
}

/* Hook for the guard printer: a symbol prints as its first source. */
static char *source_text(void *ud, const se_expr *sym) {
  se_env *env = ud;
  se_map_entry *e = se__map_find(&env->var_to_sources, sym, sym->hash);
  const se_srclist *l = e ? e->val.p : NULL;
  if (!l || !l->n) return NULL;
  return dupstr(l->v[0]->name);
}

static bool text_is(const char *a, const char *q) { return a && strcmp(a, q) == 0; }

/* Does guard expression g print as q (SymPy text, simplified, or the
 * Python guard form)? */
static bool guard_matches(se_env *env, const se_expr *g, const char *q) {
  bool hit = false;
  char *s = se_expr_str(env->ctx, g);
  hit = text_is(s, q);
  se_free(s);
  const se_expr *simp = hit ? NULL : se__env_simplify(env, g, false);
  if (simp) {
    s = se_expr_str(env->ctx, simp);
    hit = text_is(s, q);
    se_free(s);
    if (!hit) {
      s = se_expr_python(env->ctx, simp, source_text, env);
      hit = text_is(s, q);
      se_free(s);
    }
  }
  se_clear_error(env->ctx); /* a symbol with no source just does not match */
  return hit;
}

static void explain_range(why *w, const se_expr *s);

static void explain_guard(why *w, const char *q) {
  se_env *env = w->env;
  /* Recorded guards. */
  for (size_t i = 0; i < env->guards.n; i++) {
    const se_expr *g = SE_VEC_AT(&env->guards, se_guard, i).expr;
    if (!guard_matches(env, g, q)) continue;
    char *gt = expr_text(env, g);
    push_matched(w, fmt2("guard ", gt, "", ""));
    free(gt);
    for (size_t k = 0; k < env->prov.n; k++) {
      const se_prov *p = &SE_VEC_AT(&env->prov, se_prov, k);
      if (p->op == SE_PROV_PUSH && p->field == &env->guards && p->index == i) {
        add_change(w, p->event, describe(env, p));
        event_changes(w, p->event);
      }
    }
    /* The replacements that shaped its printed form. */
    se__elist fs = {0};
    if (se__env_free_symbols(env->ctx, g, &fs))
      for (size_t k = 0; k < env->prov.n; k++) {
        const se_prov *p = &SE_VEC_AT(&env->prov, se_prov, k);
        if (p->field == &env->replacements && p->op == SE_PROV_PUT && se__elist_has(&fs, p->key))
          add_change(w, p->event, describe(env, p));
      }
    se__elist_free(&fs);
  }
  /* Deferred runtime asserts. */
  SE_MAP_EACH(&env->deferred_runtime_asserts, e) {
    const se_ralist *l = e->val.p;
    for (size_t i = 0; l && i < l->n; i++) {
      if (!guard_matches(env, l->v[i].expr, q)) continue;
      char *at = expr_text(env, l->v[i].expr);
      push_matched(w, fmt2("runtime assert ", at, "", ""));
      free(at);
      for (size_t k = 0; k < env->prov.n; k++) {
        const se_prov *p = &SE_VEC_AT(&env->prov, se_prov, k);
        if (p->field != &env->deferred_runtime_asserts || p->op != SE_PROV_PUT) continue;
        const se_ralist *pl = p->val.p;
        if (pl && pl->n > i && pl->v[i].expr == l->v[i].expr) {
          add_change(w, p->event, describe(env, p));
          event_changes(w, p->event);
          break;
        }
      }
    }
  }
  /* Range guards: "lo <= X", "X <= hi", "lo <= X and X <= hi". */
  SE_MAP_EACH(&env->var_to_range, e) {
    const se_expr *s = e->key;
    char *x = source_text(env, s);
    if (!x) continue;
    const se_range *r = e->val.p;
    char *lo = se_expr_str(env->ctx, r->lo), *hi = se_expr_str(env->ctx, r->hi);
    char *a = fmt2(lo ? lo : "?", " <= ", x, ""), *b = fmt2(x, " <= ", hi ? hi : "?", "");
    char *both = a && b ? fmt2(a, " and ", b, "") : NULL;
    if (text_is(a, q) || text_is(b, q) || text_is(both, q)) {
      char *nm = expr_text(env, s);
      char *m1 = fmt2("range of ", nm, " (", x);
      push_matched(w, m1 ? fmt2(m1, ")", "", "") : NULL);
      free(m1);
      free(nm);
      explain_range(w, s);
    }
    free(a);
    free(b);
    free(both);
    se_free(lo);
    se_free(hi);
    free(x);
  }
  /* Input guards "SOURCE == expr" (duck sizing, replacements). */
  SE_MAP_EACH(&env->source_to_var, e) {
    const se_source *src = e->key;
    const se_expr *s = e->val.p;
    const se_expr *now = se__env_replace(env, s);
    char *rhs = now ? se_expr_python(env->ctx, now, source_text, env) : NULL;
    se_clear_error(env->ctx);
    char *t = rhs ? fmt2(src->name, " == ", rhs, "") : NULL;
    if (text_is(t, q)) {
      push_matched(w, fmt2("input equality of ", src->name, "", ""));
      for (size_t k = 0; k < env->prov.n; k++) {
        const se_prov *p = &SE_VEC_AT(&env->prov, se_prov, k);
        if (p->field == &env->source_to_var && p->op == SE_PROV_PUT && p->key == src)
          add_change(w, p->event, describe(env, p));
        if (p->field == &env->replacements && p->op == SE_PROV_PUT && p->key == s)
          add_change(w, p->event, describe(env, p));
      }
    }
    free(t);
    se_free(rhs);
  }
}

/* The specialisation of s to a constant, if one happened. */
static char *specialization(se_env *env, const se_expr *s) {
  se_map_entry *e = se__map_find(&env->replacements, s, s->hash);
  const se_expr *now = e ? se__env_replace(env, s) : NULL;
  if (now && se__is_num(now)) {
    char *v = expr_text(env, now);
    char *r = fmt2("specialized to ", v, "", "");
    free(v);
    return r;
  }
  return NULL;
}

static char *event_text(se_env *env, int64_t index) {
  if (index < 0) return dupstr("(outside any recorded call)");
  char *s = se_env_event_str(env, (size_t)index);
  if (!s) se_clear_error(env->ctx);
  return s ? s : dupstr("(unknown event)");
}

static const char *event_location(se_env *env, int64_t index) {
  if (index < 0 || !env->rec || (size_t)index >= env->rec->events.n) return NULL;
  return SE_VEC_AT(&env->rec->events, se_event, (size_t)index).location;
}

static char *render_text(why *w, const char *kind, const char *query, const char *extra) {
  se_env *env = w->env;
  se_buf b;
  se__buf_init(&b);
  se__buf_printf(&b, "%s: %s\n", kind, query);
  if (extra) se__buf_printf(&b, "%s\n", extra);
  for (size_t i = 0; i < w->matched.n; i++)
    se__buf_printf(&b, "matches: %s\n", SE_VEC_AT(&w->matched, char *, i));
  for (size_t i = 0; i < w->events.n; i++) {
    why_event *e = &SE_VEC_AT(&w->events, why_event, i);
    char *t = event_text(env, e->index);
    se__buf_printf(&b, "[%lld] %s", (long long)e->index, t);
    free(t);
    const char *loc = event_location(env, e->index);
    if (loc) se__buf_printf(&b, " at %s", loc);
    se__buf_putc(&b, '\n');
    for (size_t k = 0; k < e->changes.n; k++)
      se__buf_printf(&b, "    %s\n", SE_VEC_AT(&e->changes, char *, k));
  }
  return se__buf_take(&b);
}

static char *render_json(why *w, const char *kind, const char *query, const char *extra) {
  se_env *env = w->env;
  json_t *root = json_object();
  json_object_set_new(root, "kind", json_string(kind));
  json_object_set_new(root, "query", json_string(query));
  if (extra) json_object_set_new(root, "note", json_string(extra));
  json_t *m = json_array();
  for (size_t i = 0; i < w->matched.n; i++)
    json_array_append_new(m, json_string(SE_VEC_AT(&w->matched, char *, i)));
  json_object_set_new(root, "matches", m);
  json_t *evs = json_array();
  for (size_t i = 0; i < w->events.n; i++) {
    why_event *e = &SE_VEC_AT(&w->events, why_event, i);
    json_t *o = json_object();
    json_object_set_new(o, "index", json_integer(e->index));
    if (e->index >= 0 && env->rec && (size_t)e->index < env->rec->events.n)
      json_object_set_new(
          o, "event",
          json_string(se__event_name(SE_VEC_AT(&env->rec->events, se_event, (size_t)e->index).kind)));
    char *t = event_text(env, e->index);
    json_object_set_new(o, "text", json_string(t));
    free(t);
    const char *loc = event_location(env, e->index);
    json_object_set_new(o, "location", loc ? json_string(loc) : json_null());
    json_t *ch = json_array();
    for (size_t k = 0; k < e->changes.n; k++)
      json_array_append_new(ch, json_string(SE_VEC_AT(&e->changes, char *, k)));
    json_object_set_new(o, "changes", ch);
    json_array_append_new(evs, o);
  }
  json_object_set_new(root, "events", evs);
  char *txt = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
  json_decref(root);
  if (!txt) return NULL;
  char *r = fmt2(txt, "\n", "", "");
  free(txt);
  return r;
}

se_status se_env_why(se_env *env, se_why_kind kind, const char *query, bool json, char **out) {
  if (!env) return SE_INVALID;
  if (!query || !out) return se__fail(env->ctx, SE_INVALID, "se_env_why: NULL argument");
  *out = NULL;
  if (!env->provenance)
    return se__fail(env->ctx, SE_STATE,
                    "the environment keeps no provenance (se_env_set_provenance before its calls)");
  why w = {env, {0}, {0}};
  se__vec_init(&w.events, sizeof(why_event));
  se__vec_init(&w.matched, sizeof(char *));
  const char *kname = kind == SE_WHY_GUARD ? "guard" : kind == SE_WHY_SYMBOL ? "symbol" : "source";
  char *extra = NULL;
  se_status st = SE_OK;
  if (kind == SE_WHY_GUARD) {
    explain_guard(&w, query);
  } else {
    const se_expr *s = NULL;
    if (kind == SE_WHY_SOURCE) {
      const se_source *src = se_source_parse(env->ctx, query);
      se_map_entry *e = src ? se__map_find(&env->source_to_var, src, src->hash) : NULL;
      if (!src) se_clear_error(env->ctx);
      if (e) {
        s = e->val.p;
        char *nm = expr_text(env, s);
        push_matched(&w, fmt2("source ", query, " -> ", nm));
        free(nm);
        for (size_t k = 0; k < env->prov.n; k++) {
          const se_prov *p = &SE_VEC_AT(&env->prov, se_prov, k);
          if (p->field == &env->source_to_var && p->op == SE_PROV_PUT && p->key == src)
            add_change(&w, p->event, describe(env, p));
        }
      }
    } else {
      s = se_expr_symbol(env->ctx, query);
      if (!s || (!se__map_find(&env->var_to_range, s, s->hash) &&
                 !se__map_find(&env->backed_var_to_val, s, s->hash)))
        s = NULL;
      if (s) push_matched(&w, fmt2("symbol ", query, "", ""));
    }
    if (s) {
      explain_symbol(&w, s);
      extra = specialization(env, s);
    }
  }
  if (w.matched.n == 0) {
    st = se__fail(env->ctx, SE_NOTFOUND, "no %s matches '%s'", kname, query);
  } else {
    *out = json ? render_json(&w, kname, query, extra) : render_text(&w, kname, query, extra);
    if (!*out) st = se__fail(env->ctx, SE_NOMEM, "out of memory rendering the answer");
  }
  free(extra);
  why_free(&w);
  return st;
}
