export * from '@ecny/protocol'
