/* placeholder until the CLI lands */
#include <stdio.h>
#include "shapeenv.h"
int main(void) { puts("shapeenv"); return 0; }
