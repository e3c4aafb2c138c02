/* bench/empty.c — the baseline of process start: an empty C program built like bcsim's. */
int main(void)
{
    return 0;
}
