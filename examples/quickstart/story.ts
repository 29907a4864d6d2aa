/** Readable step-by-step output for the demo. */
export function createStory(write: (line: string) => void = (line) => console.log(line)) {
  let step = 0
  return {
    step(title: string) {
      step++
      write(`\n${String(step).padStart(2, ' ')}. ${title}`)
    },
    say(line: string) {
      write(`    ${line}`)
    },
    get steps() {
      return step
    },
  }
}
export type Story = ReturnType<typeof createStory>
