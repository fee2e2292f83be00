/* validate layer internals: PyTorch's TranslationValidator over Z3's C API.
 *
 *   z3expr.c   the Z3 context, Python-semantics operations (PyTorch's Z3Ops)
 *              and the SymPy -> Z3 translation table (SympyToZ3)
 *   z3fx.c     the validation FX graph -> Z3 (z3op / PopulateValidator)
 *   validator.c  the three sets, targets from the environment, the query,
 *              the report (z3str), SMT-LIB2, the public validate calls
 *   bisect.c   bisection over _assert nodes with undo-mark checkpoints
 *
 * Z3 contexts are made with Z3_mk_context (ASTs live as long as the
 * context) and carry an error handler that only records: Z3 errors become
 * se_status failures, never an exit. */
#ifndef SE_VALIDATE_TV_H
#define SE_VALIDATE_TV_H

#include <z3.h>

#include "env/env.h"
#include "validate/validate.h"

/* A set of Z3 terms with stable insertion order (PyTorch's Python sets;
 * Z3 hash-conses ASTs, so the AST id identifies a term). */
typedef struct se_astset {
  Z3_ast *v;   /* terms in insertion order */
  size_t n;    /* used */
  size_t cap;  /* allocated */
  se_map ids;  /* AST id + 1 -> 1 */
} se_astset;

typedef struct se_tv {
  se_ctx *ctx;            /* errors are recorded here */
  Z3_context z;           /* one Z3 context per validator */
  se_map vars;            /* symbol node -> Z3_ast constant (TranslationValidator.symbols) */
  se_astset sources;      /* _source_exprs */
  se_astset targets;      /* _target_exprs */
  se_astset assertions;   /* _assertions */
} se_tv;

/* A validator with an empty Z3 context; NULL on failure (recorded). */
se_tv *se__tv_new(se_ctx *ctx);
void se__tv_free(se_tv *tv);
/* r, or NULL with the Z3 error recorded (SE_INVALID "Z3 error in WHAT: ...")
 * when the last Z3 call failed. */
Z3_ast se__tv_chk(se_tv *tv, Z3_ast r, const char *what);

/* add_var(symbol, type): the Z3 variable named after the symbol (Int for
 * integer symbols, Real otherwise), created once; a positive symbol adds
 * var > 0 to the targets. */
Z3_ast se__tv_add_var(se_tv *tv, const se_expr *sym);
/* The variable of sym, or NULL when it was not added (not an error). */
Z3_ast se__tv_var(const se_tv *tv, const se_expr *sym);

/* Set insertion (duplicates ignored); false on failure (recorded). */
bool se__tv_add_source(se_tv *tv, Z3_ast e);
bool se__tv_add_target(se_tv *tv, Z3_ast e);
bool se__tv_add_assertion(se_tv *tv, Z3_ast e);

/* SympyToZ3.run(e): the Z3 term of e with Python semantics; side
 * conditions go to the assertions. Free symbols without a variable get
 * one (add_var). NULL on failure: SE_UNSUPPORTED names a kind with no
 * encoding. */
Z3_ast se__tv_expr(se_tv *tv, const se_expr *e);
/* to_z3_boolean_expr: as se__tv_expr, but e must translate to a Bool. */
Z3_ast se__tv_bool(se_tv *tv, const se_expr *e);

/* ---- Python-semantics operations (PyTorch's Z3Ops), z3expr.c ------------ */

typedef enum se_z3op {
  SE_Z3_ADD, SE_Z3_SUB, SE_Z3_MUL, SE_Z3_POW_RAW, SE_Z3_POW, SE_Z3_TRUEDIV, SE_Z3_FLOORDIV,
  SE_Z3_MOD, SE_Z3_EQ, SE_Z3_NE, SE_Z3_LT, SE_Z3_LE, SE_Z3_GT, SE_Z3_GE, SE_Z3_MIN,
  SE_Z3_MAX, SE_Z3_AND, SE_Z3_OR, SE_Z3_BITAND, SE_Z3_BITOR, SE_Z3_BITXOR, SE_Z3_LSHIFT,
  SE_Z3_RSHIFT
} se_z3op;
typedef enum se_z3fn {
  SE_Z3_NEG, SE_Z3_NOT, SE_Z3_TO_REAL, SE_Z3_TO_INT, SE_Z3_FLOOR, SE_Z3_CEIL, SE_Z3_TRUNC,
  SE_Z3_ROUND, SE_Z3_SQRT, SE_Z3_ABS
} se_z3fn;

/* a OP b (NULL operands give NULL). Operands are coerced as z3py does
 * (Bool < Int < Real). */
Z3_ast se__z3_binary(se_tv *tv, se_z3op op, Z3_ast a, Z3_ast b);
Z3_ast se__z3_unary(se_tv *tv, se_z3fn fn, Z3_ast a);
/* a OP b for a comparison op (==, !=, <, <=, >, >=) of two z3py objects,
 * as Python dispatches it: a numeral on the right of any other arithmetic
 * term runs its reflected comparison, so the operands swap (x == 0 is
 * 0 == x, x > 1 is 1 < x). se__z3_binary is the form for a Python number
 * on the right, which never swaps. */
Z3_ast se__z3_compare(se_tv *tv, se_z3op op, Z3_ast a, Z3_ast b);
/* If(c, t, f) with the branches coerced to one sort. */
Z3_ast se__z3_ite(se_tv *tv, Z3_ast c, Z3_ast t, Z3_ast f);
/* Z3 values of numbers/booleans: IntVal, RealVal (exact), BoolVal. */
Z3_ast se__z3_const(se_tv *tv, const se_expr *v);

/* ---- z3fx.c -------------------------------------------------------------- */

/* PopulateValidator: interprets env's live validation-graph nodes in
 * order; each _assert node's argument becomes a source. When first_event
 * is not NULL, *first_event gets nothing; see bisect.c for event mapping. */
se_status se__tv_populate(se_tv *tv, se_env *env);

/* ---- validator.c --------------------------------------------------------- */

/* z3str(e) (spec 1.8). Caller frees; NULL on failure (recorded). */
char *se__tv_z3str(se_tv *tv, Z3_ast e);
/* Adds the environment's targets and assertions for the inputs. */
se_status se__tv_env_targets(se_tv *tv, se_env *env, const se_placeholder *ph,
                             const se_source *const *sources, size_t n);
/* TranslationValidator.validate(): fills out (verdict, report, smt2). */
se_status se__tv_check(se_tv *tv, const se_tv_options *opt, se_tv_result *out);
/* Validation of env for explicit inputs (se_validate_guards without the
 * public checks). */
se_status se__validate(se_env *env, const se_placeholder *ph, const se_source *const *sources,
                       size_t n, const se_tv_options *opt, se_tv_result *out);

#endif
