import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';

/** PostgreSQL text cannot hold a NUL character: refused here (422), before any lookup. */
const NO_NUL = /^[^\u0000]*$/;

export class LoginDto {
  @ApiProperty({ example: 'school1', description: 'Username' })
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  @Matches(NO_NUL, { message: 'username must not contain NUL characters' })
  username!: string;

  @ApiProperty({ example: 'Zizhu@2026', description: 'Password' })
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  @Matches(NO_NUL, { message: 'password must not contain NUL characters' })
  password!: string;
}
